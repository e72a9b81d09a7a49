namespace Pulse.Grains;

/// <summary>
/// What an employee grain writes behind: the stream position folded so far and the live periods' running
/// aggregates. Bounded: at most the open period and the one before it (still receiving late events).
/// </summary>
[GenerateSerializer, Alias("pulse.employee-snapshot")]
public sealed class EmployeeSnapshot
{
    [Id(0)] public long LastSeq { get; set; }

    [Id(1)] public Dictionary<string, LivePeriod> Periods { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A deep copy: what is written stays as it was while the live state moves on.</summary>
    public EmployeeSnapshot Clone() => new()
    {
        LastSeq = LastSeq,
        Periods = Periods.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal),
    };
}
