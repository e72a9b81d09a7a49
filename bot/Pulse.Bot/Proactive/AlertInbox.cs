using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Live;

namespace Pulse.Bot.Proactive;

/// <summary>
/// This process's receiver of the live feed for chat: it keeps the alerts of each batch in a bounded queue and returns
/// at once, so the feed never waits for chat delivery (<see cref="AlertRelay"/> reads the queue).
/// </summary>
public sealed partial class AlertInbox : ILiveFeedObserver
{
    private readonly Channel<LiveAlert> _queue;
    private readonly ILogger<AlertInbox> _logger;

    public AlertInbox(IOptions<AlertRelayOptions> options, ILogger<AlertInbox> logger)
    {
        _logger = logger;
        _queue = Channel.CreateBounded<LiveAlert>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = false },
            dropped => LogDropped(_logger, dropped.Alert.TenantId));
    }

    public ChannelReader<LiveAlert> Reader => _queue.Reader;

    public Task OnBatchAsync(LiveBatch batch)
    {
        foreach (var alert in batch.Alerts) _queue.Writer.TryWrite(alert);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat alert queue full: dropped the oldest alert of tenant {TenantId}")]
    private static partial void LogDropped(ILogger logger, string tenantId);
}
