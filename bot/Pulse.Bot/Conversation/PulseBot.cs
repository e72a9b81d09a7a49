using Pulse.Bot.Activities;
using Pulse.Bot.Turns;

namespace Pulse.Bot.Conversation;

/// <summary>The Pulse bot: understands what a user asks, in Chinese or English, and answers with their real numbers.</summary>
public sealed class PulseBot : IBotTurnHandler
{
    public Task<TurnResult> OnConversationStartedAsync(BotTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult(new TurnResult([Help(turn.Incoming.Locale)], turn.DialogState));

    public Task<TurnResult> OnActivityAsync(BotTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult(new TurnResult(turn.Incoming.Type == ActivityTypes.Message ? [Help(turn.Incoming.Locale)] : [], turn.DialogState));

    private static Activity Help(string? locale)
    {
        var en = locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
        return new Activity
        {
            Text = en ? "Hi! Ask me how you are doing." : "你好!问我“我的进度”看看你这个月的绩效。",
            TextFormat = "plain",
            Locale = en ? "en-US" : "zh-CN",
            SuggestedActions = new SuggestedActions(en ? [CardAction.ImBack("My progress")] : [CardAction.ImBack("我的进度")]),
        };
    }
}
