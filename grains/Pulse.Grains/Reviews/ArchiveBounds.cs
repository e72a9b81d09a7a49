namespace Pulse.Reviews;

/// <summary>
/// Which archived results the reports count (invariant 7): a composite and every score within 0–200. A result outside
/// is left out and counted as skipped, like a row that cannot be read. The rule is applied when a month's totals are
/// written as well as when rows are read, so both give the same answer.
/// </summary>
internal static class ArchiveBounds
{
    public const decimal MaxComposite = 200m;

    public static bool IsSane(ArchivedResult result) =>
        Within(result.Composite) && result.IndicatorScores.Values.All(s => Within(s));

    private static bool Within(decimal? value) => value is null or (>= 0m and <= MaxComposite);
}
