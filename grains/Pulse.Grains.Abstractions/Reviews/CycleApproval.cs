namespace Pulse.Reviews;

/// <summary>
/// An approval recorded but not yet finished: who approved, when, and which revision. It is written before anything is
/// published, so an approval interrupted part-way (a call or the archive failed, the silo stopped) is finished as
/// decided by the next call or opener pass; the cycle view shows it until then.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.cycle-approval")]
public sealed record CycleApproval(
    [property: Id(0)] string By,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int Revision);
