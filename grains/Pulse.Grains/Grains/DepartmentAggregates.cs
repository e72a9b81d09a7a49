using Pulse.Performance;

namespace Pulse.Grains;

/// <summary>Pure aggregation of member lines into a department summary; also combines summaries for the tenant overview.</summary>
public static class DepartmentAggregates
{
    public const int Bands = 11;

    /// <summary>How many members the top and bottom lists name.</summary>
    public const int Ranked = 5;

    /// <summary>A projected month-end composite below this puts a member at risk (as does a breached alert).</summary>
    public const decimal AtRiskBelow = AtRiskRule.ProjectedBelow;

    /// <summary>How many at-risk members a summary names.</summary>
    public const int AtRiskListed = 50;

    public static DepartmentPerformance Summarise(string departmentId, string period, int members, IReadOnlyCollection<MemberScore> lines, int ranked, decimal atRiskBelow, DateTimeOffset asOf)
    {
        var scored = lines.Where(l => l.Composite is not null).ToArray();
        var distribution = new int[Bands];
        foreach (var line in scored) distribution[Band(line.Composite!.Value)]++;

        var indicatorAverages = lines.SelectMany(l => l.IndicatorScores)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Round(g.Average(kv => kv.Value)), StringComparer.Ordinal);

        var ordered = scored.OrderByDescending(l => l.Composite).ThenBy(l => l.EmployeeId, StringComparer.Ordinal).ToArray();
        var atRisk = lines.Where(l => l.BreachedAlerts > 0 || (l.ProjectedComposite ?? l.Composite) < atRiskBelow).ToArray();
        return new DepartmentPerformance(
            departmentId,
            period,
            members,
            lines.Count,
            scored.Length == 0 ? null : Round(scored.Average(l => l.Composite!.Value)),
            indicatorAverages,
            distribution,
            [.. ordered.Take(ranked).Select(Rank)],
            [.. ordered.Reverse().Take(ranked).Select(Rank)],
            atRisk.Length,
            asOf,
            lines.Count(l => l.EventCount > 0))
        {
            AtRiskMembers = LowestFirst(atRisk.Select(Rank)),
        };
    }

    /// <summary>Combines department summaries (of disjoint member sets) into one, weighting averages by reporting members.</summary>
    public static DepartmentPerformance Combine(string id, string period, IReadOnlyCollection<DepartmentPerformance> parts, int ranked, DateTimeOffset asOf)
    {
        var distribution = new int[Bands];
        foreach (var part in parts)
            for (var i = 0; i < Bands && i < part.Distribution.Length; i++) distribution[i] += part.Distribution[i];

        var scoredCount = parts.Sum(p => p.Distribution.Sum());
        decimal? average = scoredCount == 0 ? null : Round(parts.Where(p => p.AverageComposite is not null).Sum(p => p.AverageComposite!.Value * p.Distribution.Sum()) / scoredCount);
        var indicatorAverages = parts.SelectMany(p => p.IndicatorAverages.Select(kv => (kv.Key, kv.Value, Weight: p.Reporting)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Round(g.Sum(x => x.Value * x.Weight) / Math.Max(1, g.Sum(x => x.Weight))), StringComparer.Ordinal);
        return new DepartmentPerformance(
            id,
            period,
            parts.Sum(p => p.Members),
            parts.Sum(p => p.Reporting),
            average,
            indicatorAverages,
            distribution,
            [.. parts.SelectMany(p => p.Top).OrderByDescending(m => m.Composite).ThenBy(m => m.EmployeeId, StringComparer.Ordinal).Take(ranked)],
            [.. parts.SelectMany(p => p.Bottom).OrderBy(m => m.Composite).ThenBy(m => m.EmployeeId, StringComparer.Ordinal).Take(ranked)],
            parts.Sum(p => p.AtRisk),
            asOf,
            parts.Sum(p => p.MembersWithData))
        {
            // Each part names its lowest; the lowest of the whole are among them.
            AtRiskMembers = LowestFirst(parts.SelectMany(p => p.AtRiskMembers)),
        };
    }

    private static RankedMember[] LowestFirst(IEnumerable<RankedMember> members) =>
        [.. members.OrderBy(m => m.ProjectedComposite ?? m.Composite).ThenBy(m => m.EmployeeId, StringComparer.Ordinal).Take(AtRiskListed)];

    private static int Band(decimal composite) => (int)Math.Clamp(Math.Floor(composite / 10), 0, Bands - 1);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static RankedMember Rank(MemberScore line) => new(line.EmployeeId, line.Name, line.Composite, line.ProjectedComposite);
}
