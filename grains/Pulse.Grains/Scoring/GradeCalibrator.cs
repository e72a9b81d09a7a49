using Pulse.Reviews;

namespace Pulse.Scoring;

/// <summary>
/// Ranks people, grades them by band and applies a forced distribution. Deterministic: the same input gives the same
/// grades on every silo, and nothing is left to chance.
/// <list type="bullet">
/// <item>Rank: higher composite first; on equal composites the higher quantitative score; then the employee id in
/// ordinal order. A missing composite or score ranks below any number.</item>
/// <item>Band grade: the first band (highest first) whose MinComposite the composite reaches; a missing composite, or
/// one below every band, gets the lowest band.</item>
/// <item>Quotas count within each group, people in rank order, grades ordered best first. For each quota from the best
/// grade down, MaxPercent caps the number with that grade or better at ⌊n × MaxPercent / 100⌋; the lowest-ranked of
/// the excess move down one grade (and count against the next grade's cap). Then, from the best grade down, MinPercent
/// asks for at least ⌈n × MinPercent / 100⌉ people with that grade or worse; the lowest-ranked of those above it move
/// down to that grade until the share is reached. Caps round down and floors round up, so a quota is never missed.</item>
/// </list>
/// </summary>
public static class GradeCalibrator
{
    /// <summary>The ranking order: best first, ties broken as documented above.</summary>
    public static int Compare(CalibrationCandidate x, CalibrationCandidate y)
    {
        var byComposite = CompareDescending(x.Composite, y.Composite);
        if (byComposite != 0) return byComposite;
        var byQuantitative = CompareDescending(x.QuantitativeScore, y.QuantitativeScore);
        return byQuantitative != 0 ? byQuantitative : string.CompareOrdinal(x.EmployeeId, y.EmployeeId);
    }

    /// <summary>Every candidate in rank order with their band and suggested grades.</summary>
    public static CalibratedGrade[] Calibrate(ReviewPolicy policy, IReadOnlyList<CalibrationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(candidates);
        if (policy.Bands is not { Length: > 0 } bands) throw new ArgumentException("A policy needs at least one grade band.", nameof(policy));

        var ranked = candidates.ToList();
        ranked.Sort(Compare);
        var band = ranked.Select(c => BandIndex(bands, c.Composite)).ToArray();
        var suggested = (int[])band.Clone();

        if (policy.Distribution is { Quotas.Length: > 0 } distribution)
        {
            var groups = Enumerable.Range(0, ranked.Count)
                .GroupBy(i => distribution.Scope == DistributionScope.Tenant ? "" : ranked[i].Group, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                ApplyQuotas(bands, distribution.Quotas, [.. group], suggested);
            }
        }

        return [.. ranked.Select((c, i) => new CalibratedGrade(c.EmployeeId, c.Group, i + 1, bands[band[i]].Grade, bands[suggested[i]].Grade))];
    }

    /// <summary>The band a composite falls in: the first whose minimum it reaches, else the lowest.</summary>
    public static GradeBand BandFor(ReviewPolicy policy, decimal? composite) => policy.Bands[BandIndex(policy.Bands, composite)];

    private static int BandIndex(GradeBand[] bands, decimal? composite)
    {
        if (composite is { } value)
        {
            for (var i = 0; i < bands.Length; i++)
            {
                if (value >= bands[i].MinComposite) return i;
            }
        }
        return bands.Length - 1;
    }

    /// <summary><paramref name="members"/> are indexes into <paramref name="grades"/>, best-ranked first.</summary>
    private static void ApplyQuotas(GradeBand[] bands, GradeQuota[] quotas, int[] members, int[] grades)
    {
        var n = members.Length;
        var ordered = quotas
            .Select(q => (Quota: q, Index: Array.FindIndex(bands, b => b.Grade == q.Grade)))
            .Where(q => q.Index >= 0)
            .OrderBy(q => q.Index)
            .ToArray();

        foreach (var (quota, index) in ordered)
        {
            if (quota.MaxPercent is not { } max || index == bands.Length - 1) continue;
            var cap = (int)Math.Floor(n * max / 100m);
            // Grades never get better down the ranking, so "this grade or better" is a prefix of the members.
            var atOrBetter = members.Count(m => grades[m] <= index);
            for (var k = atOrBetter - 1; k >= cap; k--)
            {
                grades[members[k]] = index + 1;
            }
        }

        foreach (var (quota, index) in ordered)
        {
            if (quota.MinPercent is not { } min) continue;
            var floor = (int)Math.Ceiling(n * min / 100m);
            var atOrWorse = members.Count(m => grades[m] >= index);
            // The lowest-ranked above the grade sit just before the "this grade or worse" suffix.
            for (var k = n - atOrWorse - 1; atOrWorse < floor && k >= 0; k--, atOrWorse++)
            {
                grades[members[k]] = index;
            }
        }
    }

    private static int CompareDescending(decimal? x, decimal? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        var (a, b) => b!.Value.CompareTo(a!.Value),
    };
}
