namespace Pulse.Feedback;

/// <summary>The employee's one answer to a piece of feedback: they acknowledge it (确认) or object to it (申诉).</summary>
[GenerateSerializer]
public enum FeedbackReplyKind
{
    Acknowledge,
    Object,
}
