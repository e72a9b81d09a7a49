using Orleans.Concurrency;
using Pulse.Performance;

namespace Pulse.Grains;

/// <summary>Live aggregates of a department's members, sub-departments included; keyed <c>{tenantId}/{departmentId}</c>.</summary>
[Alias("pulse.grain.department")]
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Latest member lines, batched by the per-silo reporter.</summary>
    [OneWay, Alias("report")]
    Task ReportAsync(MemberScore[] scores);

    [Alias("performance")]
    Task<DepartmentPerformance> GetPerformanceAsync();
}
