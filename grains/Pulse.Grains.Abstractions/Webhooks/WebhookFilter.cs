namespace Pulse.Webhooks;

/// <summary>
/// Which alerts a target receives. Each list, when not empty, must match: an alert matches <see cref="DepartmentIds"/>
/// when any of its departments (the employee's own and its ancestors) is listed, <see cref="IndicatorIds"/> when its
/// indicator is listed, <see cref="Kinds"/> (<c>breach</c>, <c>recovery</c>) when its kind is. Empty lists match all.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.webhook.filter")]
public sealed record WebhookFilter(
    [property: Id(0)] string[]? DepartmentIds = null,
    [property: Id(1)] string[]? IndicatorIds = null,
    [property: Id(2)] string[]? Kinds = null)
{
    public static readonly WebhookFilter All = new([], [], []);
}
