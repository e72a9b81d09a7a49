using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pulse.Grains;
using Pulse.Performance;

namespace Pulse.Services;

/// <summary>
/// The silo's aggregator in front of the department grains: employee grains drop their latest line here without
/// waiting, and a background loop sends each department one batched call a few times per second, keeping only the
/// newest line per employee. This keeps department grains off the per-event hot path.
/// </summary>
public sealed partial class DepartmentReporter(IGrainFactory grains, ILogger<DepartmentReporter> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    // Per department, the newest line per employee. Departments stay in the outer map (bounded by the organisation);
    // lines are taken out one by one, so a line written while a flush runs is sent by the next flush, never lost.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, MemberScore>> _pending = new(StringComparer.Ordinal);

    /// <summary>Queues the line for each department key (<c>{tenant}/{department}</c>) the employee belongs to.</summary>
    public void Report(IEnumerable<string> departmentKeys, MemberScore score)
    {
        foreach (var key in departmentKeys)
        {
            _pending.GetOrAdd(key, _ => new ConcurrentDictionary<string, MemberScore>(StringComparer.Ordinal))[score.EmployeeId] = score;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the department grains rebuild from their members when next activated.
        }
    }

    /// <summary>Sends everything queued so far.</summary>
    public async Task FlushAsync()
    {
        foreach (var (key, scores) in _pending)
        {
            if (scores.IsEmpty) continue;
            var taken = new List<MemberScore>();
            foreach (var employeeId in scores.Keys)
            {
                if (scores.TryRemove(employeeId, out var score)) taken.Add(score);
            }
            if (taken.Count == 0) continue;
            try
            {
                await grains.GetGrain<IDepartmentGrain>(key).ReportAsync([.. taken]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReportFailed(logger, key, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting member scores to department {DepartmentKey} failed")]
    private static partial void LogReportFailed(ILogger logger, string departmentKey, Exception exception);
}
