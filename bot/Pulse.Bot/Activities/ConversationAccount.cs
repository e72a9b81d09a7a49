namespace Pulse.Bot.Activities;

/// <summary>
/// A conversation. <see cref="ConversationType"/> (Teams: <c>personal</c>, <c>groupChat</c>, <c>channel</c>) and
/// <see cref="TenantId"/> (the channel's tenant) are set by channels that have them and sent back as received.
/// </summary>
public sealed record ConversationAccount(string Id, string? Name = null, bool? IsGroup = null, string? ConversationType = null, string? TenantId = null)
{
    /// <summary>Only the user and the bot take part: what the bot says there is seen by no one else.</summary>
    public bool IsOneToOne => IsGroup is not true && (ConversationType is null || string.Equals(ConversationType, "personal", StringComparison.OrdinalIgnoreCase));
}
