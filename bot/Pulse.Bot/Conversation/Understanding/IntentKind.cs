namespace Pulse.Bot.Conversation.Understanding;

/// <summary>What a message asks for.</summary>
public enum IntentKind
{
    Unknown,
    Help,
    Progress,
    Indicator,
    Remaining,
    PastMonth,
    Team,
    GiveFeedback,
    Alerts,
    Mute,
    Unmute,
    FeedbackReceived,
    Confirm,
    Cancel,
}
