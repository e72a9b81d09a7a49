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

    /// <summary>My published review result (a month, or the latest).</summary>
    ReviewResult,

    /// <summary>Acknowledge my published result.</summary>
    Acknowledge,

    /// <summary>Object to my published result, with a reason.</summary>
    Object,

    /// <summary>A manager's or HR's: who in their scope still waits for ratings.</summary>
    WhoToRate,
}
