namespace Pulse.Bot.Conversation.Understanding;

/// <summary>An objection as written: the month it names, if any, and the reason (empty when none was given).</summary>
public sealed record ObjectionRequest(string? Period, string Reason);
