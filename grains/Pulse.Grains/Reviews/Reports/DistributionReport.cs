namespace Pulse.Reviews;

/// <summary>
/// The composites of one month in bands of ten, and the top 20 % and bottom 10 %: <see cref="TopThreshold"/> is the
/// composite of the member at rank ⌈20 % × scored⌉ from the top, and every member at or above it is listed — a tie at
/// the threshold is listed whole, so the list may hold more than 20 %; the bottom likewise with ⌈10 %⌉ from the
/// bottom. Members are listed best first, then by employee id.
/// </summary>
public sealed record DistributionReport(
    string Period,
    string? DepartmentId,
    bool Live,
    int Scored,
    IReadOnlyList<DistributionBand> Bands,
    decimal? TopThreshold,
    IReadOnlyList<RankedResult> Top,
    decimal? BottomThreshold,
    IReadOnlyList<RankedResult> Bottom,
    int SkippedRows);
