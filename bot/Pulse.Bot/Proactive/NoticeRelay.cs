using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;
using Pulse.Bot.Connector;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Reviews;

namespace Pulse.Bot.Proactive;

/// <summary>
/// Posts the notices the <see cref="NoticeInbox"/> queued (alert crossings, review notices) to the open conversations
/// of their recipients, in each recipient's language, off the ingestion path. Every process's relay offers every
/// notice; the recipient's <see cref="IChatUserGrain"/> hands out the conversations for a notice once, so it is posted
/// once, and holds it for later when none is open. A Direct Line conversation gets it appended; a Bot Connector
/// conversation gets it posted to the channel's connector (<see cref="ConnectorNotices"/>), each on its own, so one
/// connector that refuses or is slow delays or loses nobody else's.
/// </summary>
public sealed partial class NoticeRelay(
    NoticeInbox inbox,
    NoticeRecipients recipients,
    INoticeActivityFactory activities,
    ConnectorNotices channels,
    IGrainFactory grains,
    IOptions<AlertRelayOptions> options,
    ILogger<NoticeRelay> logger) : BackgroundService
{
    /// <summary>Who the bot is in every conversation.</summary>
    public static readonly ChannelAccount Bot = new("bot", "Pulse", "bot");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = stoppingToken };
        try
        {
            await Parallel.ForEachAsync(inbox.Reader.ReadAllAsync(stoppingToken), parallel, async (notice, ct) =>
            {
                try
                {
                    await RelayAsync(notice, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // One notice that cannot be delivered (a grain unreachable for now) must not stop the others.
                    LogRelayFailed(logger, notice.TenantId, notice.GetType().Name, e);
                }
            });
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Delivers one notice to everyone it concerns; returns how many conversations it was posted to.</summary>
    public async Task<int> RelayAsync(IChatNotice notice, CancellationToken cancellationToken)
    {
        var found = await recipients.FindAsync(notice);
        if (found is not { } f) return 0;
        var posted = await Task.WhenAll(f.Recipients.Select(r => DeliverAsync(notice, r, f.Directory.Rules.Settings.Locale, cancellationToken)));
        return posted.Sum();
    }

    private async Task<int> DeliverAsync(IChatNotice notice, NoticeRecipient recipient, string tenantLocale, CancellationToken cancellationToken)
    {
        var user = grains.GetGrain<IChatUserGrain>(GrainKeys.For(recipient.User.TenantId, recipient.User.UserName));
        var delivery = notice switch
        {
            LiveAlert alert => await user.DeliverAlertAsync(alert),
            ReviewNotice review => await user.DeliverNoticeAsync(review),
            _ => NoticeDelivery.None,
        };
        if (delivery.Count == 0) return 0;
        var locale = (await user.GetProfileAsync()).Locale ?? tenantLocale;
        var activity = await activities.CreateAsync(notice, recipient, locale, cancellationToken);
        activity.From = Bot;
        activity.Recipient = new ChannelAccount(recipient.User.UserName, Role: "user");
        activity.ReplyToId = null;
        string[] json = [BotJson.Serialize(activity)];
        // Each channel post readdresses its own copy of the activity.
        var posted = Task.WhenAll(delivery.Channels.Select(to => PostToChannelAsync(notice, to, activity, cancellationToken)));
        await Task.WhenAll(delivery.Conversations.Select(id => grains.GetGrain<IConversationGrain>(GrainKeys.For(recipient.User.TenantId, id)).AppendAsync(json)));
        return delivery.Conversations.Length + (await posted).Count(ok => ok);
    }

    /// <summary>Posts to one channel conversation; a refusal is logged (no names, no text) and counts as not posted.</summary>
    private async Task<bool> PostToChannelAsync(IChatNotice notice, ChannelConversation to, Activity activity, CancellationToken cancellationToken)
    {
        if (!channels.Serves(notice.TenantId))
        {
            LogNoConnector(logger, notice.TenantId, to.ChannelId);
            return false;
        }
        try
        {
            await channels.PostAsync(to, activity, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogChannelFailed(logger, notice.TenantId, notice.GetType().Name, to.ChannelId, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post a {Notice} of tenant {TenantId} to a Bot Connector conversation on channel {ChannelId}")]
    private static partial void LogChannelFailed(ILogger logger, string tenantId, string notice, string channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notice of tenant {TenantId} is due in a {ChannelId} conversation, but this process has no Bot Connector for the tenant")]
    private static partial void LogNoConnector(ILogger logger, string tenantId, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not relay a {Notice} of tenant {TenantId} to chat")]
    private static partial void LogRelayFailed(ILogger logger, string tenantId, string notice, Exception exception);
}
