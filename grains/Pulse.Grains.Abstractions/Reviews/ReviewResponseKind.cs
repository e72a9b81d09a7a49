namespace Pulse.Reviews;

/// <summary>The employee's one answer to a published result: acknowledge (确认) or object (申诉; it goes to HR).</summary>
[GenerateSerializer]
public enum ReviewResponseKind
{
    Acknowledge,
    Object,
}
