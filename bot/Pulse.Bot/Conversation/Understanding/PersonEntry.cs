namespace Pulse.Bot.Conversation.Understanding;

/// <summary>An active employee as the bot can name them: id, name as written, and name as matched.</summary>
public sealed record PersonEntry(string Id, string Name, string DepartmentId, string MatchName);
