using Pulse.Feedback;

namespace Pulse.Live;

/// <summary>Feedback given or answered, as the live feed carries it, with every department whose view includes the employee.</summary>
[GenerateSerializer, Immutable, Alias("pulse.live.feedback")]
public sealed record LiveFeedback(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string[] DepartmentIds,
    [property: Id(2)] FeedbackItem Item);
