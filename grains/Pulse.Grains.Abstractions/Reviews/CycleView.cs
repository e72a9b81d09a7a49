namespace Pulse.Reviews;

/// <summary>
/// A cycle's state and progress (<c>GET /api/v1/cycles/{yyyy-MM}</c>). Times are instants; the month's bounds are in the
/// tenant's time zone. <see cref="Revision"/> counts approvals (a reopening starts the next). <see cref="MissingRatings"/>
/// lists at most 200 of <see cref="Participants"/> − <see cref="Rated"/> people still waiting for ratings.
/// <see cref="Adjustments"/> counts participants with events after the freeze. <see cref="Approving"/> is set while an
/// approval is recorded but not yet finished (the status is still calibrating; the next call or opener pass finishes it).
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.cycle")]
public sealed record CycleView(
    [property: Id(0)] string Period,
    [property: Id(1)] CycleStatus Status,
    [property: Id(2)] DateTimeOffset OpenedAt,
    [property: Id(3)] DateTimeOffset MonthEndsAt,
    [property: Id(4)] DateTimeOffset FreezesAt,
    [property: Id(5)] DateTimeOffset? FrozenAt,
    [property: Id(6)] DateTimeOffset? ApprovedAt,
    [property: Id(7)] string? ApprovedBy,
    [property: Id(8)] DateTimeOffset? ArchivedAt,
    [property: Id(9)] int Revision,
    [property: Id(10)] int Participants,
    [property: Id(11)] int Rated,
    [property: Id(12)] int SelfAssessed,
    [property: Id(13)] int Acknowledged,
    [property: Id(14)] int Objected,
    [property: Id(15)] MissingRating[] MissingRatings,
    [property: Id(16)] CycleTransition[] Transitions,
    [property: Id(17)] PayrollStatus Payroll,
    [property: Id(18)] int Adjustments,
    [property: Id(19)] CycleApproval? Approving = null);
