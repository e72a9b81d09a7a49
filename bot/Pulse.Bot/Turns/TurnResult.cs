using Pulse.Bot.Activities;

namespace Pulse.Bot.Turns;

/// <summary>
/// The bot's answer to a turn: the activities to send (text, cards, suggested actions, locale; the channel fills in
/// <c>from</c>, <c>recipient</c>, <c>replyToId</c>, ids and timestamps) and the dialog state to keep (null: none).
/// </summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, string? DialogState);
