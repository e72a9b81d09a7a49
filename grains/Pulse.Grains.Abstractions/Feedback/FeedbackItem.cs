namespace Pulse.Feedback;

/// <summary>
/// One piece of feedback given to an employee. <see cref="Id"/> is the store's, increasing in the order items were
/// given; <see cref="Author"/> is the giver's account name; <see cref="Reply"/> is null until the employee answers.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.feedback-item")]
public sealed record FeedbackItem(
    [property: Id(0)] long Id,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] string Author,
    [property: Id(3)] FeedbackKind Kind,
    [property: Id(4)] string Text,
    [property: Id(5)] string? IndicatorId,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] FeedbackReply? Reply);
