namespace Pulse.Reviews;

/// <summary>
/// A forced-distribution quota on a grade, counted cumulatively: <see cref="MaxPercent"/> caps the share of people with
/// this grade or better (the seed's "top 20%"), <see cref="MinPercent"/> sets the least share with this grade or worse
/// (the seed's "bottom 10%").
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.grade-quota")]
public sealed record GradeQuota(
    [property: Id(0)] string Grade,
    [property: Id(1)] decimal? MaxPercent = null,
    [property: Id(2)] decimal? MinPercent = null);
