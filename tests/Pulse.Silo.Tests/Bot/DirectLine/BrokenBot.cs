using Pulse.Bot.Activities;
using Pulse.Bot.Turns;

namespace Pulse.Silo.Tests.Bot.DirectLine;

/// <summary>A bot whose answers always fail (a bug, a store down): the channel must still answer the user.</summary>
public sealed class BrokenBot : IBotTurnHandler
{
    public Task<TurnResult> OnConversationStartedAsync(BotTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult(new TurnResult([new Activity { Text = "welcome", TextFormat = "plain" }], null));

    public Task<TurnResult> OnActivityAsync(BotTurn turn, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The bot failed.");
}
