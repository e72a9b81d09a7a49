namespace Pulse.Bot.Activities;

public sealed record ConversationAccount(string Id, string? Name = null, bool? IsGroup = null);
