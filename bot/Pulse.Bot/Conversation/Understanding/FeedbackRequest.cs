using Pulse.Feedback;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>A request to give feedback as the message states it: whom (as written), what (as written, empty if not said yet), what kind.</summary>
public sealed record FeedbackRequest(string Who, string Text, FeedbackKind Kind);
