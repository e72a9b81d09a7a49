using Microsoft.Extensions.Logging;
using Pulse.Bot.Activities;
using Pulse.Bot.Proactive;
using Pulse.Bot.Turns;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// What a new conversation begins with: the bot's welcome, then the notices (alerts, review notices) held for the user
/// while no conversation of theirs was open, appended together before the client connects (its stream or first poll replays them). They answer
/// nothing, so none has a <c>replyToId</c>.
/// </summary>
public sealed partial class ConversationStarter(
    IGrainFactory grains,
    IBotTurnHandler bot,
    INoticeActivityFactory notices,
    ILogger<ConversationStarter> logger)
{
    public async Task StartAsync(ChatUser user, Caller caller, string conversationId, string? locale, CancellationToken cancellationToken)
    {
        var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.For(user.TenantId, conversationId));
        var held = await OpenedAsync(user, conversationId);
        var replies = new List<Activity>();

        var start = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Locale = locale,
            ChannelId = "directline",
            Conversation = new ConversationAccount(conversationId),
            From = ChatAccounts.User(user),
            Recipient = ChatAccounts.Bot,
        };
        try
        {
            var result = await bot.OnConversationStartedAsync(new BotTurn(user, caller, conversationId, start, null), cancellationToken);
            if (result.DialogState is not null) await conversation.SetDialogStateAsync(result.DialogState);
            replies.AddRange(result.Replies);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogWelcomeFailed(logger, e);
            replies.Add(TurnRunner.Apology(ChatLanguage.Of(null, locale)));
        }

        if (held.Length > 0)
        {
            var noticeLocale = locale ?? await TenantLocaleAsync(user.TenantId);
            var recipient = new NoticeRecipient(user, caller);
            foreach (var notice in held)
            {
                try
                {
                    replies.Add(await notices.CreateAsync(notice, recipient, noticeLocale, cancellationToken));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogNoticeFailed(logger, e);
                }
            }
        }

        if (replies.Count > 0) await conversation.AppendAsync([.. replies.Select(r => BotJson.Serialize(TurnRunner.Address(r, user, null)))]);
    }

    /// <summary>Tells the user's chat presence about the conversation and takes the notices held for them; a failure there must not stop the conversation.</summary>
    private async Task<IChatNotice[]> OpenedAsync(ChatUser user, string conversationId)
    {
        try
        {
            return await grains.GetGrain<IChatUserGrain>(GrainKeys.For(user.TenantId, user.UserName)).ConversationOpenedAsync(conversationId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogOpenedFailed(logger, e);
            return [];
        }
    }

    private async Task<string> TenantLocaleAsync(string tenantId)
    {
        try
        {
            return (await grains.GetGrain<ITenantGrain>(tenantId).GetRulesAsync())?.Settings.Locale ?? ChatLanguage.Chinese;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogTenantLocaleFailed(logger, e);
            return ChatLanguage.Chinese;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering a new conversation with the user's chat presence failed; it opens without held notices")]
    private static partial void LogOpenedFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the tenant's locale for held notices failed; they are written in Chinese")]
    private static partial void LogTenantLocaleFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The bot's welcome failed; the conversation starts with an apology")]
    private static partial void LogWelcomeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A held notice could not be turned into a message; it is skipped")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception);
}
