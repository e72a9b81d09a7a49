namespace Pulse.Feedback;

/// <summary>The employee's answer to give: acknowledge or object, with up to 2,000 characters of text.</summary>
[GenerateSerializer, Immutable, Alias("pulse.new-feedback-reply")]
public sealed record NewFeedbackReply(
    [property: Id(0)] FeedbackReplyKind? Kind = null,
    [property: Id(1)] string? Text = null);
