namespace Pulse.Scoring;

/// <summary>
/// What one employee's events of one period have folded into. Its size is bounded by the template (one entry per
/// distinct aggregate, one flag per breached alert rule), never by the number of events, so it fits in a snapshot.
/// </summary>
[GenerateSerializer, Alias("pulse.period-accumulator")]
public sealed class PeriodAccumulator
{
    /// <summary>Totals by <see cref="AggregateSpec.Key"/>; an aggregate no event has reached has no entry.</summary>
    [Id(0)]
    public Dictionary<string, AggregateTotals> Totals { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Events folded into this period, whatever their type.</summary>
    [Id(1)]
    public long EventCount { get; set; }

    /// <summary>Stream position of the last event folded; an event at or below it is a replay and changes nothing.</summary>
    [Id(2)]
    public long LastSeq { get; set; }

    /// <summary>Alert rules currently breached, as <c>{indicatorId}/{ruleId}</c> (see <see cref="AlertKey"/>).</summary>
    [Id(3)]
    public HashSet<string> BreachedAlerts { get; init; } = new(StringComparer.Ordinal);

    public static string AlertKey(string indicatorId, string ruleId) => $"{indicatorId}/{ruleId}";

    public bool IsBreached(string indicatorId, string ruleId) => BreachedAlerts.Contains(AlertKey(indicatorId, ruleId));

    public AggregateTotals TotalsOf(string aggregateKey) =>
        Totals.TryGetValue(aggregateKey, out var totals) ? totals : default;

    /// <summary>A deep copy, so a preview or a tentative fold can never alter the live state.</summary>
    public PeriodAccumulator Clone() => new()
    {
        Totals = new Dictionary<string, AggregateTotals>(Totals, StringComparer.Ordinal),
        EventCount = EventCount,
        LastSeq = LastSeq,
        BreachedAlerts = new HashSet<string>(BreachedAlerts, StringComparer.Ordinal),
    };
}
