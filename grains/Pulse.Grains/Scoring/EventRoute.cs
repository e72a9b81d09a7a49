namespace Pulse.Scoring;

/// <summary>
/// Everything an event type touches, worked out once at compile time so a fold costs O(aggregates of that type):
/// the data fields to read, the aggregates to update, and the indicators whose alert rules may cross.
/// </summary>
internal sealed record EventRoute(string[] Fields, AggregateBinding[] Aggregates, IndicatorPlan[] Alerting);
