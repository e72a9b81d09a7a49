namespace Pulse.Scoring;

/// <summary>The running aggregates every measure is built from; avg and ratio are derived from these.</summary>
public enum AggregateKind
{
    Count,
    Sum,
    Latest,
}
