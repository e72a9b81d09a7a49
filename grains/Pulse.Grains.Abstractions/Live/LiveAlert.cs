using Pulse.Chat;
using Pulse.Performance;

namespace Pulse.Live;

/// <summary>An alert crossing as the live feed carries it: with the employee's name and every department whose view includes them.</summary>
[GenerateSerializer, Immutable, Alias("pulse.live.alert")]
public sealed record LiveAlert(
    [property: Id(0)] string EmployeeName,
    [property: Id(1)] string[] DepartmentIds,
    [property: Id(2)] AlertRecord Alert) : IChatNotice
{
    public string TenantId => Alert.TenantId;
}
