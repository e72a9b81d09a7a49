namespace Pulse.Feedback;

/// <summary>The employee's reply as stored: set once, never changed.</summary>
[GenerateSerializer, Immutable, Alias("pulse.feedback-reply")]
public sealed record FeedbackReply(
    [property: Id(0)] FeedbackReplyKind Kind,
    [property: Id(1)] string? Text,
    [property: Id(2)] DateTimeOffset At);
