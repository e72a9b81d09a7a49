namespace Pulse.Chat;

/// <summary>
/// A user's chat settings: the language they last wrote in (for proactive messages) and the alert types they muted
/// (an alert type is an indicator id: "mute 坏账率" mutes that indicator's alerts).
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.chat.profile")]
public sealed record ChatProfile(
    [property: Id(0)] string? Locale,
    [property: Id(1)] string[] MutedAlertTypes);
