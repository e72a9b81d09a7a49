using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;
using Pulse.Grains;
using Pulse.Live;

namespace Pulse.Bot.Proactive;

/// <summary>
/// Posts the alerts the <see cref="AlertInbox"/> queued to the open conversations of their recipients, in each
/// recipient's language, off the ingestion path. Every process's relay offers every alert; the recipient's
/// <see cref="IChatUserGrain"/> hands out the conversations for a crossing once, so it is posted once, and holds it
/// for later when none is open.
/// </summary>
public sealed partial class AlertRelay(
    AlertInbox inbox,
    AlertRecipients recipients,
    IAlertActivityFactory activities,
    IGrainFactory grains,
    IOptions<AlertRelayOptions> options,
    ILogger<AlertRelay> logger) : BackgroundService
{
    /// <summary>Who the bot is in every conversation.</summary>
    public static readonly ChannelAccount Bot = new("bot", "Pulse", "bot");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = stoppingToken };
        try
        {
            await Parallel.ForEachAsync(inbox.Reader.ReadAllAsync(stoppingToken), parallel, async (alert, ct) =>
            {
                try
                {
                    await RelayAsync(alert, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // One alert that cannot be delivered (a grain unreachable for now) must not stop the others.
                    LogRelayFailed(logger, alert.Alert.TenantId, alert.Alert.IndicatorId, e);
                }
            });
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Delivers one alert to everyone it concerns; returns how many conversations it was posted to.</summary>
    public async Task<int> RelayAsync(LiveAlert alert, CancellationToken cancellationToken)
    {
        var found = await recipients.FindAsync(alert);
        if (found is not { } f) return 0;
        var posted = await Task.WhenAll(f.Recipients.Select(r => DeliverAsync(alert, r, f.Directory.Rules.Settings.Locale, cancellationToken)));
        return posted.Sum();
    }

    private async Task<int> DeliverAsync(LiveAlert alert, AlertRecipient recipient, string tenantLocale, CancellationToken cancellationToken)
    {
        var user = grains.GetGrain<IChatUserGrain>(GrainKeys.For(recipient.User.TenantId, recipient.User.UserName));
        var conversations = await user.DeliverAlertAsync(alert);
        if (conversations.Length == 0) return 0;
        var locale = (await user.GetProfileAsync()).Locale ?? tenantLocale;
        var activity = await activities.CreateAsync(alert, recipient.User, locale, cancellationToken);
        activity.From = Bot;
        activity.Recipient = new ChannelAccount(recipient.User.UserName, Role: "user");
        activity.ReplyToId = null;
        string[] json = [BotJson.Serialize(activity)];
        await Task.WhenAll(conversations.Select(id => grains.GetGrain<IConversationGrain>(GrainKeys.For(recipient.User.TenantId, id)).AppendAsync(json)));
        return conversations.Length;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not relay an alert of tenant {TenantId} on indicator {IndicatorId} to chat")]
    private static partial void LogRelayFailed(ILogger logger, string tenantId, string indicatorId, Exception exception);
}
