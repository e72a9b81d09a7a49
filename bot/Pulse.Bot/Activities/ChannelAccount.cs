namespace Pulse.Bot.Activities;

/// <summary>A party to a conversation; <see cref="Role"/> is <c>user</c> or <c>bot</c>.</summary>
public sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);
