namespace Pulse.Reviews;

/// <summary>
/// What a trend needs of one department's archived results of one month, kept by the archive beside the rows:
/// <see cref="Members"/> counts the results the reports would read (within <see cref="ArchiveBounds"/>), the composite
/// is summed over those that have one, each indicator as <see cref="IndicatorTotals"/>; <see cref="Skipped"/> counts
/// the rows left out (unreadable, or out of bounds). Sums and counts add up across departments, so a department's
/// trend is the sum over it and the departments below it.
/// </summary>
public sealed record DepartmentMonthTotals(
    string Period,
    string DepartmentId,
    int Members,
    int Skipped,
    decimal CompositeSum,
    int CompositeCount,
    IReadOnlyDictionary<string, IndicatorTotals> Indicators);
