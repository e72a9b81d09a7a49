namespace Pulse.Feedback;

/// <summary>Feedback to give: 1–2,000 characters of text, its kind, and optionally the indicator it is about (an id of the employee's template).</summary>
[GenerateSerializer, Immutable, Alias("pulse.new-feedback")]
public sealed record NewFeedback(
    [property: Id(0)] string? Text = null,
    [property: Id(1)] FeedbackKind? Kind = null,
    [property: Id(2)] string? IndicatorId = null);
