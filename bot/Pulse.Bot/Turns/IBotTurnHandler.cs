namespace Pulse.Bot.Turns;

/// <summary>The bot itself, whatever channel carries it: what it says when a conversation starts, and its answer to each activity.</summary>
public interface IBotTurnHandler
{
    /// <summary>The welcome, in the language of the start (the incoming <c>conversationUpdate</c>'s locale, else the tenant's).</summary>
    Task<TurnResult> OnConversationStartedAsync(BotTurn turn, CancellationToken cancellationToken);

    /// <summary>The answer to a user's activity (message, postBack, messageBack; events and typing may get none). Never silence for a message.</summary>
    Task<TurnResult> OnActivityAsync(BotTurn turn, CancellationToken cancellationToken);
}
