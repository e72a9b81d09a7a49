using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;
using Pulse.Bot.Turns;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// The bot's side of a user's activity, after the channel has taken its echo and answered the POST: the user's presence
/// and language for alerts, the bot's answer with the conversation's dialog state, and the replies, each answering the
/// echo, kept with the echo and the new dialog state in one write. A failing or slow turn leaves a short apology in the user's language, never silence.
/// </summary>
public sealed partial class TurnRunner(
    IGrainFactory grains,
    IBotTurnHandler bot,
    TurnLanes lanes,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<TurnRunner> logger)
{
    /// <summary>Queues the turn for <paramref name="incoming"/> (the echo, with its id) behind the conversation's earlier turns.</summary>
    public Task Queue(string laneKey, ChatUser user, Caller caller, string conversationId, Activity incoming) =>
        lanes.Run(laneKey, async () =>
        {
            try
            {
                await RunAsync(user, caller, conversationId, incoming);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogTurnLost(logger, e);
            }
        });

    private async Task RunAsync(ChatUser user, Caller caller, string conversationId, Activity incoming)
    {
        var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.For(user.TenantId, conversationId));
        var language = ChatLanguage.Of(incoming.Text, incoming.Locale);
        // The user's presence is noted alongside the turn, not before it: the answer does not depend on it.
        var noting = NoteActivityAsync(user, conversationId, incoming, language);

        IReadOnlyList<Activity> replies;
        (string? Before, string? After)? dialog = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
            timeout.CancelAfter(options.Value.TurnTimeout);
            var before = await conversation.GetDialogStateAsync();
            var result = await bot.OnActivityAsync(new BotTurn(user, caller, conversationId, incoming, before), timeout.Token).WaitAsync(timeout.Token);
            dialog = (before, result.DialogState);
            replies = result.Replies;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogTurnFailed(logger, incoming.Type, e);
            replies = incoming.Type == ActivityTypes.Message ? [Apology(language)] : [];
        }
        await noting;
        // Nothing to say and nothing to remember: the echo is written when its hold runs out, or with the next activity.
        if (replies.Count == 0 && (dialog is not { } unchanged || unchanged.Before == unchanged.After)) return;

        try
        {
            string[] answer = [.. replies.Select(r => BotJson.Serialize(Address(r, user, incoming.Id)))];
            // The echo, the replies and the dialog state in one write; after a failed turn the dialog state stays as it was.
            if (dialog is { } known) await conversation.AnswerAsync(answer, known.After);
            else await conversation.AppendAsync(answer);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The replies could not be kept (too large, say): the user still hears that something went wrong.
            LogRepliesRefused(logger, replies.Count, e);
            try
            {
                await conversation.AppendAsync([BotJson.Serialize(Address(Apology(language), user, incoming.Id))]);
            }
            catch (Exception again) when (again is not OutOfMemoryException)
            {
                LogApologyFailed(logger, again);
            }
        }
    }

    /// <summary>The user is active here and writes in this language, for the alerts the bot starts; neither may stop the turn.</summary>
    private async Task NoteActivityAsync(ChatUser user, string conversationId, Activity incoming, string language)
    {
        try
        {
            var wrote = incoming.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(incoming.Text);
            await grains.GetGrain<IChatUserGrain>(GrainKeys.For(user.TenantId, user.UserName)).ConversationUsedAsync(conversationId, wrote ? language : null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogChatUserFailed(logger, e);
        }
    }

    /// <summary>A reply as the channel sends it: from the bot, to the user, answering the echo.</summary>
    public static Activity Address(Activity reply, ChatUser user, string? replyToId)
    {
        reply.From = ChatAccounts.Bot;
        reply.Recipient = ChatAccounts.User(user);
        reply.ReplyToId = replyToId;
        return reply;
    }

    public static Activity Apology(string language) => new()
    {
        Text = ChatLanguage.Apology(language),
        TextFormat = "plain",
        Locale = language,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A bot turn for a {ActivityType} activity failed; the user gets an apology")]
    private static partial void LogTurnFailed(ILogger logger, string activityType, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A bot turn was lost to an unexpected failure")]
    private static partial void LogTurnLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The conversation refused {Count} bot replies; the user gets an apology")]
    private static partial void LogRepliesRefused(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The apology for a failed bot turn could not be appended either")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the user's chat activity or language failed; the turn goes on")]
    private static partial void LogChatUserFailed(ILogger logger, Exception exception);
}
