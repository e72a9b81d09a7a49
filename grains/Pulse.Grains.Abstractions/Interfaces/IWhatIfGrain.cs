using Pulse.Performance;
using Pulse.Templates;

namespace Pulse.Grains;

/// <summary>Scores a draft template against a past period from the log, changing nothing; keyed by tenant id.</summary>
[Alias("pulse.grain.what-if")]
public interface IWhatIfGrain : IGrainWithStringKey
{
    [Alias("preview")]
    Task<EmployeePerformance[]> PreviewAsync(KpiTemplate draft, string period, string[] employeeIds);
}
