namespace Pulse.Security;

[GenerateSerializer, Immutable, Alias("pulse.sign-in")]
public sealed record SignInOutcome(
    [property: Id(0)] SignInStatus Status,
    [property: Id(1)] UserView? User = null,
    [property: Id(2)] DateTimeOffset? LockedUntil = null);
