namespace Pulse.Chat;

/// <summary>
/// Something the bot tells a user without being asked (an alert crossing, a review notice): carried by the live feed
/// to every process's relay, offered to the user's <c>IChatUserGrain</c> (which decides "once" and "later") and held
/// there while no conversation of theirs is open.
/// </summary>
public interface IChatNotice
{
    string TenantId { get; }
}
