using Pulse.Feedback;

namespace Pulse.Bot.Conversation.Dialogs;

/// <summary>Feedback whose recipient is still to be chosen among people of the same name (all of them in the giver's scope).</summary>
public sealed record FeedbackChoice(FeedbackCandidate[] Candidates, string Text, FeedbackKind Kind);
