namespace Pulse.Reviews;

/// <summary>HR's change of a suggested grade, with the reason (audited).</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.grade-override")]
public sealed record GradeOverride(
    [property: Id(0)] string Grade,
    [property: Id(1)] string Reason,
    [property: Id(2)] string By,
    [property: Id(3)] DateTimeOffset At);
