using Pulse.Feedback;

namespace Pulse.Bot.Conversation.Dialogs;

/// <summary>Feedback waiting for the giver's 确认 / Confirm: to whom, what, what kind.</summary>
public sealed record PendingFeedback(string EmployeeId, string Name, string Text, FeedbackKind Kind);
