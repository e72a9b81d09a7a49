using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;
using Pulse.Bot.Turns;
using Pulse.Grains;

namespace Pulse.Bot.Connector;

/// <summary>
/// Runs the accepted activities' turns through the same <see cref="IBotTurnHandler"/> as Direct Line and sends the
/// replies to the connector. The dialog state lives in an <see cref="IConversationGrain"/> keyed by the channel, the
/// connector's conversation id and the user (a channel conversation may be a group chat: each member has their own
/// dialog). A sender whose chat identity is linked to no account gets a reply saying so, and nothing else.
/// </summary>
public sealed partial class ConnectorTurns(
    ConnectorInbox inbox,
    ChatIdentities identities,
    IBotTurnHandler bot,
    ConnectorReplies replies,
    IGrainFactory grains,
    IOptions<ConnectorOptions> options,
    ILogger<ConnectorTurns> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(inbox.Readers.Select(lane => RunLaneAsync(lane, stoppingToken)));

    private async Task RunLaneAsync(System.Threading.Channels.ChannelReader<Activity> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in lane.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await TurnAsync(activity, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // One failed turn (a connector that refused the reply, a grain unreachable) must not stop the lane.
                    LogTurnFailed(logger, activity.ChannelId, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TurnAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var tenantId = options.Value.TenantId!;
        var found = await identities.FindAsync(tenantId, incoming.ChannelId!, incoming.From!.Id);
        if (found is not { } who)
        {
            if (incoming.Type == ActivityTypes.Message) await replies.SendAsync(incoming, NotLinked(incoming), cancellationToken);
            return;
        }
        var conversationId = $"{incoming.ChannelId}:{incoming.Conversation!.Id}:{who.User.UserName}";
        var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.For(tenantId, conversationId));
        if (!await conversation.OpenAsync(who.User)) return;
        var state = await conversation.GetDialogStateAsync();
        var turn = new BotTurn(who.User, who.Caller, conversationId, incoming, state);
        var result = incoming.Type == ActivityTypes.ConversationUpdate
            ? await bot.OnConversationStartedAsync(turn, cancellationToken)
            : await bot.OnActivityAsync(turn, cancellationToken);
        if (result.DialogState != state) await conversation.SetDialogStateAsync(result.DialogState);
        foreach (var reply in result.Replies) await replies.SendAsync(incoming, reply, cancellationToken);
    }

    /// <summary>Says the account is not linked and how to link it; shows no data.</summary>
    private static Activity NotLinked(Activity incoming)
    {
        var identity = ChatIdentities.Of(incoming.ChannelId!, incoming.From!.Id);
        var zh = incoming.Text?.Any(c => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf') ?? false;
        return new Activity
        {
            Text = zh
                ? $"你的聊天账号尚未关联 Pulse 账号。请让管理员把 {identity} 添加到你员工档案的聊天身份中。"
                : $"Your chat account is not linked to a Pulse account. Ask your administrator to add {identity} to the chat identities of your employee record.",
            TextFormat = "plain",
            Locale = zh ? "zh-CN" : "en-US",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Bot Connector turn on channel {ChannelId} failed")]
    private static partial void LogTurnFailed(ILogger logger, string? channelId, Exception exception);
}
