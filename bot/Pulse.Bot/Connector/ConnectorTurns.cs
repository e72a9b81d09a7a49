using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;
using Pulse.Bot.DirectLine;
using Pulse.Bot.Proactive;
using Pulse.Bot.Turns;
using Pulse.Chat;
using Pulse.Grains;

namespace Pulse.Bot.Connector;

/// <summary>
/// Runs the accepted activities' turns through the same <see cref="IBotTurnHandler"/> as Direct Line and sends the
/// replies to the connector. The dialog state lives in an <see cref="IConversationGrain"/> keyed by the channel, the
/// connector's conversation id and the user (a channel conversation may be a group chat: each member has their own
/// dialog). A sender whose chat identity is linked to no account gets a reply saying so, and nothing else. A linked
/// user's one-to-one conversation is remembered with their chat presence (<see cref="IChatUserGrain"/>), so alerts and
/// review notices reach it; the notices held while they were away follow the turn's replies.
/// </summary>
public sealed partial class ConnectorTurns(
    ConnectorInbox inbox,
    ChatIdentities identities,
    IBotTurnHandler bot,
    ConnectorReplies replies,
    ConnectorNotices notices,
    INoticeActivityFactory noticeActivities,
    IGrainFactory grains,
    IOptions<ConnectorOptions> options,
    ILogger<ConnectorTurns> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(inbox.Readers.Select(lane => RunLaneAsync(lane, stoppingToken)));

    private async Task RunLaneAsync(System.Threading.Channels.ChannelReader<AcceptedActivity> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var accepted in lane.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await TurnAsync(accepted, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // One failed turn (a connector that refused the reply, a grain unreachable) must not stop the lane.
                    LogTurnFailed(logger, accepted.Activity.ChannelId, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TurnAsync(AcceptedActivity accepted, CancellationToken cancellationToken)
    {
        var incoming = accepted.Activity;
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
        var reference = ConnectorNotices.ReferenceOf(accepted);
        var held = reference is null ? [] : await NoteUseAsync(who.User, reference, incoming);
        try
        {
            var state = await conversation.GetDialogStateAsync();
            var turn = new BotTurn(who.User, who.Caller, conversationId, incoming, state);
            var result = incoming.Type == ActivityTypes.ConversationUpdate
                ? await bot.OnConversationStartedAsync(turn, cancellationToken)
                : await bot.OnActivityAsync(turn, cancellationToken);
            if (result.DialogState != state) await conversation.SetDialogStateAsync(result.DialogState);
            foreach (var reply in result.Replies) await replies.SendAsync(incoming, reply, cancellationToken);
        }
        finally
        {
            // Taken from the grain already: they go out even when the turn failed.
            if (held.Length > 0) await PostHeldAsync(new NoticeRecipient(who.User, who.Caller), reference!, held, cancellationToken);
        }
    }

    /// <summary>Remembers the conversation for notices and takes those held meanwhile; a failure there must not stop the turn.</summary>
    private async Task<IChatNotice[]> NoteUseAsync(ChatUser user, ChannelConversation reference, Activity incoming)
    {
        try
        {
            var wrote = incoming.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(incoming.Text);
            var language = wrote ? ChatLanguage.Of(incoming.Text, incoming.Locale) : null;
            return await grains.GetGrain<IChatUserGrain>(GrainKeys.For(user.TenantId, user.UserName)).ChannelConversationUsedAsync(reference, language);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPresenceFailed(logger, reference.ChannelId, e);
            return [];
        }
    }

    /// <summary>The notices held while the user was away, after the turn's replies, in the language they last wrote in; each failure logged, none blocking the next.</summary>
    private async Task PostHeldAsync(NoticeRecipient recipient, ChannelConversation to, IChatNotice[] held, CancellationToken cancellationToken)
    {
        string locale;
        try
        {
            locale = (await grains.GetGrain<IChatUserGrain>(GrainKeys.For(recipient.User.TenantId, recipient.User.UserName)).GetProfileAsync()).Locale
                ?? (await grains.GetGrain<ITenantGrain>(recipient.User.TenantId).GetRulesAsync())?.Settings.Locale
                ?? ChatLanguage.Chinese;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPresenceFailed(logger, to.ChannelId, e);
            locale = ChatLanguage.Chinese;
        }
        foreach (var notice in held)
        {
            try
            {
                await notices.PostAsync(to, await noticeActivities.CreateAsync(notice, recipient, locale, cancellationToken), cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
            {
                LogHeldFailed(logger, to.ChannelId, notice.GetType().Name, e);
            }
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remembering a Bot Connector conversation on channel {ChannelId} for notices failed; the turn goes on")]
    private static partial void LogPresenceFailed(ILogger logger, string channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A held {Notice} could not be posted to a Bot Connector conversation on channel {ChannelId}")]
    private static partial void LogHeldFailed(ILogger logger, string channelId, string notice, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Bot Connector turn on channel {ChannelId} failed")]
    private static partial void LogTurnFailed(ILogger logger, string? channelId, Exception exception);
}
