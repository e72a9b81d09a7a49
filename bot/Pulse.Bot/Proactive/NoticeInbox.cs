using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Live;

namespace Pulse.Bot.Proactive;

/// <summary>
/// This process's receiver of the live feed for chat: it keeps each batch's alerts and review notices in a bounded queue
/// and returns at once, so the feed never waits for chat delivery (<see cref="NoticeRelay"/> reads the queue).
/// </summary>
public sealed partial class NoticeInbox : ILiveFeedObserver
{
    private readonly Channel<IChatNotice> _queue;
    private readonly ILogger<NoticeInbox> _logger;

    public NoticeInbox(IOptions<AlertRelayOptions> options, ILogger<NoticeInbox> logger)
    {
        _logger = logger;
        _queue = Channel.CreateBounded<IChatNotice>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = false },
            dropped => LogDropped(_logger, dropped.TenantId));
    }

    public ChannelReader<IChatNotice> Reader => _queue.Reader;

    public Task OnBatchAsync(LiveBatch batch)
    {
        foreach (var alert in batch.Alerts) _queue.Writer.TryWrite(alert);
        // A batch from a process of an older build has no notices.
        foreach (var notice in batch.ReviewNotices ?? []) _queue.Writer.TryWrite(notice);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat notice queue full: dropped the oldest notice of tenant {TenantId}")]
    private static partial void LogDropped(ILogger logger, string tenantId);
}
