namespace Pulse.Scoring;

/// <summary>
/// The running totals of one aggregate. <see cref="Count"/> is the number of events folded into it (for sum and
/// latest, those that carried the field), so avg = <see cref="Sum"/> ÷ <see cref="Count"/> needs nothing more.
/// <see cref="LatestAt"/> and <see cref="LatestSeq"/> remember which event set <see cref="Latest"/>, so a late event
/// that happened earlier does not overwrite it.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.aggregate-totals")]
public readonly record struct AggregateTotals(
    [property: Id(0)] long Count,
    [property: Id(1)] decimal Sum,
    [property: Id(2)] decimal? Latest,
    [property: Id(3)] DateTimeOffset? LatestAt,
    [property: Id(4)] long LatestSeq);
