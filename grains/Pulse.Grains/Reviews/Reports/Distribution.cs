namespace Pulse.Reviews;

/// <summary>Pure: a month's composites in bands of ten with the top 20 % and bottom 10 % (see <see cref="DistributionReport"/> for ties).</summary>
public static class Distribution
{
    public const int Bands = 11;

    public static DistributionReport Of(string period, string? departmentId, bool live, IReadOnlyList<RankedResult> scored, int skipped)
    {
        var counts = new int[Bands];
        foreach (var result in scored) counts[Band(result.Composite)]++;
        var bands = Enumerable.Range(0, Bands).Select(i => new DistributionBand(i * 10, i == Bands - 1 ? null : (i + 1) * 10, counts[i])).ToList();

        var best = scored.OrderByDescending(r => r.Composite).ThenBy(r => r.EmployeeId, StringComparer.Ordinal).ToList();
        if (best.Count == 0) return new DistributionReport(period, departmentId, live, 0, bands, null, [], null, [], skipped);

        var top = best[Share(best.Count, 20) - 1].Composite;
        var bottom = best[best.Count - Share(best.Count, 10)].Composite;
        return new DistributionReport(period, departmentId, live, best.Count, bands,
            top, [.. best.Where(r => r.Composite >= top)],
            bottom, [.. best.Where(r => r.Composite <= bottom)],
            skipped);
    }

    /// <summary>⌈percent × count⌉, at least one.</summary>
    public static int Share(int count, int percent) => Math.Max(1, (count * percent + 99) / 100);

    public static int Band(decimal composite) => composite <= 0 ? 0 : (int)Math.Min(Bands - 1, Math.Floor(composite / 10));
}
