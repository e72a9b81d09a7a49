namespace Pulse.Feedback;

/// <summary>One page of an employee's feedback, newest first; <see cref="NextCursor"/> asks for the next (older) page, null on the last.</summary>
[GenerateSerializer, Immutable, Alias("pulse.feedback-page")]
public sealed record FeedbackPage(
    [property: Id(0)] FeedbackItem[] Items,
    [property: Id(1)] string? NextCursor);
