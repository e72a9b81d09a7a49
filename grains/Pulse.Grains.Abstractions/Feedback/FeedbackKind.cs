namespace Pulse.Feedback;

/// <summary>What a piece of feedback is: praise (表扬), something to improve (改进), or a plain note (备注).</summary>
[GenerateSerializer]
public enum FeedbackKind
{
    Praise,
    Improve,
    Note,
}
