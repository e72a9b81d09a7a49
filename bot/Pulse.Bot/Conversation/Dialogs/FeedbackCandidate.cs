namespace Pulse.Bot.Conversation.Dialogs;

/// <summary>A person the caller may give feedback to, as offered in a choice.</summary>
public sealed record FeedbackCandidate(string EmployeeId, string Name)
{
    public string Label(bool zh) => zh ? $"{Name}({EmployeeId})" : $"{Name} ({EmployeeId})";
}
