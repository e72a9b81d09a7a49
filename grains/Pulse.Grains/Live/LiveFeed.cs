using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Reviews;

namespace Pulse.Live;

/// <summary>
/// The silo's live-feed publisher: grains and services drop what changed here without waiting, and a background loop
/// sends one <see cref="LiveBatch"/> to every subscriber as soon as something is queued. Score lines are coalesced
/// (the newest per employee or department wins) and go out at most once per <see cref="LiveFeedOptions.ScoreWindow"/>,
/// leading edge, so a quiet feed sends a change at once and a busy one sends a few batches a second however many
/// events arrive. Alerts, feedback and review notices are never coalesced and go out at once. The subscriber list is read from
/// <see cref="ILiveFeedRegistryGrain"/> every few seconds; the calls are one-way, so a dead subscriber costs nothing.
/// Alerts are also offered, one-way, to each tenant's webhook dispatcher (<see cref="IWebhookGrain"/>).
/// </summary>
public sealed partial class LiveFeed : BackgroundService
{
    private readonly IGrainFactory _grains;
    private readonly LiveFeedOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<LiveFeed> _logger;
    private readonly ConcurrentDictionary<(string TenantId, string EmployeeId), EmployeeLine> _employees = new();
    private readonly ConcurrentDictionary<(string TenantId, string DepartmentId), DepartmentLine> _departments = new();
    private readonly Channel<LiveAlert> _alerts;
    private readonly Channel<LiveFeedback> _feedback;
    private readonly Channel<ReviewNotice> _notices;
    // Holds at most one token: "look again". Lines signal only when the first arrives after a take, so a burst of
    // lines wakes the loop once rather than once per line.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private volatile ILiveFeedObserver[] _subscribers = [];
    private int _linesSinceTake;
    private long _lastLinesAt;
    private long _dropped;
    private long _droppedLogged;

    public LiveFeed(IGrainFactory grains, IOptions<LiveFeedOptions> options, TimeProvider clock, ILogger<LiveFeed> logger)
    {
        _grains = grains;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        var bounded = new BoundedChannelOptions(_options.MaxQueued) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true };
        _alerts = Channel.CreateBounded<LiveAlert>(bounded, _ => CountDropped());
        _feedback = Channel.CreateBounded<LiveFeedback>(bounded, _ => CountDropped());
        _notices = Channel.CreateBounded<ReviewNotice>(bounded, _ => CountDropped());
    }

    /// <summary>How many subscribers the last read of the registry found.</summary>
    public int SubscriberCount => _subscribers.Length;

    /// <summary>Alerts, feedback items and review notices dropped so far because their queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(EmployeeLine line)
    {
        _employees[(line.TenantId, line.EmployeeId)] = line;
        LineQueued();
    }

    public void Publish(DepartmentLine line)
    {
        _departments[(line.TenantId, line.Performance.DepartmentId)] = line;
        LineQueued();
    }

    public void Publish(LiveAlert alert)
    {
        _alerts.Writer.TryWrite(alert);
        _wake.Writer.TryWrite(true);
    }

    public void Publish(LiveFeedback feedback)
    {
        _feedback.Writer.TryWrite(feedback);
        _wake.Writer.TryWrite(true);
    }

    public void Publish(ReviewNotice notice)
    {
        _notices.Writer.TryWrite(notice);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Reads the subscriber list from the registry now; a failure keeps the list known so far.</summary>
    public async Task RefreshSubscribersAsync()
    {
        try
        {
            _subscribers = await _grains.GetGrain<ILiveFeedRegistryGrain>(0).GetSubscribersAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(_logger, _subscribers.Length, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var refreshing = RefreshLoopAsync(stoppingToken);
        try
        {
            await SendLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is lost, and the subscribers' clients fetch snapshots when they reconnect.
        }
        await refreshing;
    }

    private async Task RefreshLoopAsync(CancellationToken stoppingToken)
    {
        // The first read waits one period: at start the silo may not take grain calls yet.
        using var timer = new PeriodicTimer(_options.RefreshSubscribers, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RefreshSubscribersAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await WaitForWorkAsync(stoppingToken);
            var batch = TakeBatch();
            if (batch is not null) await SendAsync(batch);
            ReportDrops();
        }
    }

    /// <summary>Returns once alerts or feedback are queued, or lines are queued and their window has passed.</summary>
    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        if (UrgentQueued) return;
        if (Volatile.Read(ref _linesSinceTake) == 0)
        {
            await _wake.Reader.ReadAsync(stoppingToken);
            if (UrgentQueued || Volatile.Read(ref _linesSinceTake) == 0) return;
        }

        var due = _options.ScoreWindow - _clock.GetElapsedTime(Interlocked.Read(ref _lastLinesAt));
        if (due <= TimeSpan.Zero) return;
        // Lines wait out the window; an alert or feedback item ends the wait at once.
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = _wake.Reader.WaitToReadAsync(window.Token).AsTask();
        await Task.WhenAny(woken, Task.Delay(due, _clock, window.Token));
        await window.CancelAsync();
        _wake.Reader.TryRead(out _);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private bool UrgentQueued => _alerts.Reader.Count > 0 || _feedback.Reader.Count > 0 || _notices.Reader.Count > 0;

    private LiveBatch? TakeBatch()
    {
        _wake.Reader.TryRead(out _);
        var linesDue = Volatile.Read(ref _linesSinceTake) > 0 && _clock.GetElapsedTime(Interlocked.Read(ref _lastLinesAt)) >= _options.ScoreWindow;
        EmployeeLine[] employees = [];
        DepartmentLine[] departments = [];
        if (linesDue)
        {
            // Reset before taking: a line queued while taking either is taken now or signals the next batch.
            Volatile.Write(ref _linesSinceTake, 0);
            Interlocked.Exchange(ref _lastLinesAt, _clock.GetTimestamp());
            employees = Take(_employees);
            departments = Take(_departments);
        }
        var alerts = Drain(_alerts.Reader);
        var feedback = Drain(_feedback.Reader);
        var notices = Drain(_notices.Reader);
        return employees.Length + departments.Length + alerts.Length + feedback.Length + notices.Length == 0
            ? null
            : new LiveBatch(employees, departments, alerts, feedback, notices);
    }

    private async Task SendAsync(LiveBatch batch)
    {
        LiveFeedMetrics.Batches.Add(1);
        LiveFeedMetrics.BatchItems.Record(batch.Employees.Length + batch.Departments.Length + batch.Alerts.Length + batch.Feedback.Length + batch.ReviewNotices.Length);
        if (batch.Alerts.Length > 0) await OfferToWebhooksAsync(batch.Alerts);
        foreach (var subscriber in _subscribers)
        {
            try
            {
                // One-way: completes once the message is queued, whether the subscriber is alive or not.
                await subscriber.OnBatchAsync(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(_logger, ex);
            }
        }
    }

    /// <summary>
    /// Each tenant's alerts go, one-way, to its webhook dispatcher: this silo publishes each alert once, so no alert
    /// is offered twice across silos, and nothing on the ingestion path waits for a chat tool.
    /// </summary>
    private async Task OfferToWebhooksAsync(LiveAlert[] alerts)
    {
        foreach (var tenant in alerts.GroupBy(a => a.Alert.TenantId, StringComparer.Ordinal))
        {
            try
            {
                await _grains.GetGrain<IWebhookGrain>(tenant.Key).OfferAsync([.. tenant]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogOfferFailed(_logger, ex);
            }
        }
    }

    private void LineQueued()
    {
        if (Interlocked.Increment(ref _linesSinceTake) == 1) _wake.Writer.TryWrite(true);
    }

    private void CountDropped()
    {
        Interlocked.Increment(ref _dropped);
        LiveFeedMetrics.Dropped.Add(1);
    }

    private void ReportDrops()
    {
        var dropped = Interlocked.Read(ref _dropped);
        if (dropped == _droppedLogged) return;
        LogDropped(_logger, dropped - _droppedLogged, dropped);
        _droppedLogged = dropped;
    }

    private static TLine[] Take<TKey, TLine>(ConcurrentDictionary<TKey, TLine> pending)
        where TKey : notnull
    {
        if (pending.IsEmpty) return [];
        // Removed key by key, never swapped out whole: a line written during the take is kept for the next batch, not lost.
        var taken = new List<TLine>();
        foreach (var key in pending.Keys)
        {
            if (pending.TryRemove(key, out var line)) taken.Add(line);
        }
        return [.. taken];
    }

    private static T[] Drain<T>(ChannelReader<T> reader)
    {
        if (reader.Count == 0) return [];
        var drained = new List<T>(reader.Count);
        while (reader.TryRead(out var item)) drained.Add(item);
        return [.. drained];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the live feed subscribers failed; sending to the {Known} known so far")]
    private static partial void LogRefreshFailed(ILogger logger, int known, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a live batch to a subscriber failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offering alerts to a tenant's webhook dispatcher failed")]
    private static partial void LogOfferFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed dropped {Dropped} alerts, feedback items or review notices, oldest first, because its queue was full ({Total} so far)")]
    private static partial void LogDropped(ILogger logger, long dropped, long total);
}
