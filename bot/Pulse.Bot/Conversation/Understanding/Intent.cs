using Pulse.Feedback;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// A message understood: what it asks for and the things it names — indicators (best first), a period
/// (<c>yyyy-MM</c>; for the review intents any month named), whom feedback is for and what it says, an objection's reason.
/// </summary>
public sealed record Intent(IntentKind Kind)
{
    public IReadOnlyList<IndicatorEntry> Indicators { get; init; } = [];

    public string? Period { get; init; }

    public string? Person { get; init; }

    public string? FeedbackText { get; init; }

    public FeedbackKind FeedbackKind { get; init; } = FeedbackKind.Note;

    public string? Reason { get; init; }
}
