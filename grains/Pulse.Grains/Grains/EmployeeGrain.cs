using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pulse.EventLog;
using Pulse.Events;
using Pulse.Live;
using Pulse.Organisation;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Services;
using Pulse.Templates;

namespace Pulse.Grains;

/// <summary>
/// The single writer of one employee's event stream. A batch is appended to the log first (acknowledged means
/// durable), then folded into the live periods' running aggregates; scores are computed from those on demand.
/// The snapshot is written behind on a timer and at deactivation, never per event; on activation the grain loads
/// it and folds the log's tail, so its state is always a fold of the log.
/// </summary>
/// <remarks>
/// Appends are pipelined: <see cref="ApplyEventsAsync"/> interleaves, and each call queues its append at once through
/// the stream's <see cref="EventStreamWriter"/>, which numbers it after the previous call's append even while that
/// one is still committing, so a call that arrives during another's commit joins the same or the next group commit
/// instead of waiting for it. Everything that changes the state (the folds, in stream order; template alignment; the
/// snapshot copy) runs as ordered turns, one at a time. If an append is refused (another writer moved the stream)
/// every append queued after it is refused too, and the grain falls back to appending one call at a time, each after
/// catching up from the log, until none is in flight.
/// </remarks>
public sealed partial class EmployeeGrain(
    [PersistentState("employee", StorageNames.Snapshots)] IPersistentState<EmployeeSnapshot> snapshot,
    IEventLog log,
    TenantRulesProvider rulesProvider,
    DepartmentReporter reporter,
    LiveFeed liveFeed,
    PlanCache plans,
    TimeProvider clock,
    ILogger<EmployeeGrain> logger) : Grain, IEmployeeGrain
{
    private const int CatchUpPage = 5_000;
    private const int MaxConflictRetries = 5;
    private static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The least time between two lines built for the departments and the live feed. Short, because the line's wait
    /// here adds to every screen's latency; the departments still get at most a few reports a second, as the
    /// reporter keeps only the newest line per flush. Under load an employee's line costs at most ten builds a second.
    /// </summary>
    public static readonly TimeSpan LineInterval = TimeSpan.FromMilliseconds(100);

    private readonly OrderedTurns _turns = new();
    private string _tenantId = "";
    private string _employeeId = "";
    private StreamId _stream;
    private bool _dirty;
    private long _alignedRulesVersion = -1;
    private long _lastReportedAt;
    private IGrainTimer? _owedReport; // set while a deferred department report is pending
    private EmployeeSnapshot _state = new(); // the live state; the snapshot gets a copy when written
    private EventStreamWriter _writer = null!; // opened at activation, once the log's tail is folded
    private int _callsInFlight; // ApplyEvents calls between queueing their append and finishing their fold
    private bool _resyncing; // an append was refused: append one call at a time, from known positions
    private bool _stateInDoubt; // a fold failed after its commit: the state is not written, the activation ends

    private EmployeeSnapshot State => _state;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _employeeId) = GrainKeys.Split(this.GetPrimaryKeyString());
        _stream = new StreamId(_tenantId, _employeeId);
        _state = snapshot.State;
        await log.InitializeAsync(cancellationToken); // done at start already; appends are queued without awaiting it
        var rules = await RulesAsync();
        await CatchUpAsync(rules, cancellationToken);
        _writer = log.OpenWriter(_stream, State.LastSeq);
        await AlignTemplatesAsync(rules, cancellationToken);
        // A random first tick: grains activated together (a tenant's whole staff at the first batch) would otherwise
        // all write their snapshots in the same instant every interval, a burst of commits that stalls ingestion.
        var firstTick = SnapshotInterval * (0.1 + (0.9 * Random.Shared.NextDouble()));
        this.RegisterGrainTimer(WriteSnapshotAsync, new GrainTimerCreationOptions(firstTick, SnapshotInterval));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_owedReport is not null) ReportToDepartments(await RulesAsync());
        await WriteSnapshotAsync(cancellationToken);
    }

    public async Task<AppliedEvents> ApplyEventsAsync(BusinessEvent[] events)
    {
        var rules = await RulesAsync();
        var pending = events.Select(e => new PendingEvent(e, Period.Of(e.OccurredAt, rules.TimeZone))).ToArray();
        _callsInFlight++;
        try
        {
            var append = _resyncing ? null : _writer.AppendAsync(pending); // queued now, awaited in this call's turn
            return await _turns.RunAsync(() => CommitAndFoldAsync(append, pending));
        }
        finally
        {
            // Every append queued before the refusal has settled and been folded: pipeline again from here.
            if (--_callsInFlight == 0) _resyncing = false;
        }
    }

    /// <summary>One call's turn: waits for its commit (or appends now, when resyncing), then folds what was new.</summary>
    private async Task<AppliedEvents> CommitAndFoldAsync(Task<AppendResult>? append, PendingEvent[] pending)
    {
        var rules = await RulesAsync();
        var result = append is null ? null : await append; // a failed commit fails this call; later ones get refused
        if (result is not { Status: AppendStatus.Committed })
        {
            if (result is not null) LogStreamConflict(logger, State.LastSeq);
            _resyncing = true;
            result = await AppendAfterCatchUpAsync(pending, rules);
        }

        if (rules.Version != _alignedRulesVersion) await AlignTemplatesAsync(rules, CancellationToken.None);
        if (result.Appended.Count > 0)
        {
            try
            {
                // A gap before these events (not expected with one writer) is repaired from the log, which folds them too.
                if (result.Appended[0].Seq > State.LastSeq + 1) await CatchUpAsync(rules, CancellationToken.None);
                var crossings = await FoldAsync(result.Appended, rules);
                PublishAlerts(crossings, rules);
                ReportToDepartmentsSoon(rules);
            }
            catch (Exception ex)
            {
                // The events are committed, and the answer must say so. The live state may now be half-folded: it is
                // never written, and the next activation rebuilds it from the snapshot and the log.
                LogFoldFailed(logger, ex, _tenantId, result.Appended[0].Seq);
                _stateInDoubt = true;
                DeactivateOnIdle();
            }
        }

        return new AppliedEvents([.. result.Appended.Select(e => e.Event.Id)], [.. result.DuplicateIds]);
    }

    /// <summary>
    /// Someone else wrote to this stream (a brief second activation during a membership change, say), or an earlier
    /// append failed with its outcome unknown: fold what the log holds past our position, then append from there.
    /// </summary>
    private async Task<AppendResult> AppendAfterCatchUpAsync(PendingEvent[] pending, CompiledRules rules)
    {
        for (var attempt = 0; ; attempt++)
        {
            await CatchUpAsync(rules, CancellationToken.None);
            var result = await _writer.AppendAtAsync(State.LastSeq, pending);
            if (result.Status == AppendStatus.Committed) return result;
            LogStreamConflict(logger, State.LastSeq);
            if (attempt >= MaxConflictRetries) throw new InvalidOperationException($"Stream of {_employeeId} kept moving during append.");
        }
    }

    public async Task<EmployeePerformance?> GetPerformanceAsync(string? period)
    {
        var rules = await RulesAsync();
        if (rules.Version != _alignedRulesVersion) await _turns.RunAsync(() => AlignTemplatesAsync(rules, CancellationToken.None));
        var now = clock.GetUtcNow();
        period ??= Period.Of(now, rules.TimeZone);
        if (!rules.Employees.TryGetValue(_employeeId, out var employee)) return null;
        if (rules.TemplateForEmployee(_employeeId, period) is not { } template) return null;

        var accumulator = State.Periods.TryGetValue(period, out var live) && live.TemplateId == template.Id && live.TemplateVersion == template.Version
            ? live.Accumulator
            : await FoldPeriodFromLogAsync(plans.For(template), period);
        return PerformanceBuilder.Build(employee, period, template, plans.For(template), accumulator, rules, now, State.LastSeq);
    }

    public async Task RecomputeAsync(long rulesVersion)
    {
        var rules = await RulesAsync(rulesVersion);
        await _turns.RunAsync(() => AlignTemplatesAsync(rules, CancellationToken.None));
        ReportToDepartments(rules);
    }

    public async Task<AlertRecord[]> GetAlertsAsync(int limit) => [.. await log.ReadAlertsAsync(_stream, Math.Clamp(limit, 1, 500))];

    private async Task<CompiledRules> RulesAsync(long minVersion = 0) =>
        await rulesProvider.GetAsync(_tenantId, minVersion) ?? throw new InvalidOperationException($"Tenant {_tenantId} does not exist.");

    /// <summary>Folds everything the log holds past our position: the tail after a snapshot, or a gap left by another writer.</summary>
    private async Task CatchUpAsync(CompiledRules rules, CancellationToken cancellationToken)
    {
        while (true)
        {
            var tail = await log.ReadStreamAsync(_stream, State.LastSeq, CatchUpPage, cancellationToken);
            if (tail.Count == 0) return;
            await FoldAsync(tail, rules);
            if (tail.Count < CatchUpPage) return;
        }
    }

    /// <summary>Folds the events past our position; answers the alert crossings they caused, already recorded.</summary>
    private async Task<IReadOnlyList<AlertRecord>> FoldAsync(IReadOnlyList<StoredEvent> events, CompiledRules rules)
    {
        var openPeriod = Period.Of(clock.GetUtcNow(), rules.TimeZone);
        var oldestLive = Period.Previous(openPeriod);
        List<AlertRecord>? alerts = null;
        foreach (var stored in events)
        {
            if (stored.Seq <= State.LastSeq) continue;
            State.LastSeq = stored.Seq;
            _dirty = true;
            if (string.CompareOrdinal(stored.Period, oldestLive) < 0) continue; // a closed period: scored from the log when asked
            if (LiveFor(stored.Period, rules) is not { } live) continue;
            var plan = plans.For(rules.TemplateFor(live.TemplateId, stored.Period)!);
            foreach (var crossing in plan.Fold(live.Accumulator, stored.Event, stored.Seq))
            {
                (alerts ??= []).Add(ToRecord(stored, crossing));
            }
        }
        DropClosedPeriods(oldestLive);
        if (alerts is null) return [];
        await log.RecordAlertsAsync(alerts);
        return alerts;
    }

    /// <summary>Refolds each live period whose governing template version changed, from the log.</summary>
    private async Task AlignTemplatesAsync(CompiledRules rules, CancellationToken cancellationToken)
    {
        var openPeriod = Period.Of(clock.GetUtcNow(), rules.TimeZone);
        DropClosedPeriods(Period.Previous(openPeriod));
        foreach (var (period, live) in State.Periods.ToArray())
        {
            var template = rules.TemplateForEmployee(_employeeId, period);
            if (template is not null && template.Id == live.TemplateId && template.Version == live.TemplateVersion) continue;
            State.Periods.Remove(period);
            _dirty = true;
            if (template is null) continue;

            var plan = plans.For(template);
            var fresh = new LivePeriod { TemplateId = template.Id, TemplateVersion = template.Version };
            var alerts = new List<AlertRecord>();
            foreach (var stored in await log.ReadPeriodAsync(_stream, period, cancellationToken))
            {
                if (stored.Seq > State.LastSeq) break; // the tail is folded by catch-up, in order
                alerts.AddRange(plan.Fold(fresh.Accumulator, stored.Event, stored.Seq).Select(c => ToRecord(stored, c)));
            }
            State.Periods[period] = fresh;
            if (alerts.Count > 0) await log.RecordAlertsAsync(alerts, cancellationToken);
        }
        _alignedRulesVersion = rules.Version;
    }

    private async Task<PeriodAccumulator> FoldPeriodFromLogAsync(TemplatePlan plan, string period)
    {
        var accumulator = new PeriodAccumulator();
        foreach (var stored in await log.ReadPeriodAsync(_stream, period))
        {
            plan.Fold(accumulator, stored.Event, stored.Seq);
        }
        return accumulator;
    }

    private LivePeriod? LiveFor(string period, CompiledRules rules)
    {
        if (State.Periods.TryGetValue(period, out var live)) return live;
        if (rules.TemplateForEmployee(_employeeId, period) is not { } template) return null;
        live = new LivePeriod { TemplateId = template.Id, TemplateVersion = template.Version };
        State.Periods[period] = live;
        return live;
    }

    private void DropClosedPeriods(string oldestLive)
    {
        foreach (var period in State.Periods.Keys.Where(p => string.CompareOrdinal(p, oldestLive) < 0).ToArray())
        {
            State.Periods.Remove(period);
        }
    }

    /// <summary>
    /// Reports now, or once <see cref="LineInterval"/> has passed since the last report: the reporter and the live feed
    /// keep only an employee's newest line per flush anyway, so building one per batch under load would be work thrown away.
    /// </summary>
    private void ReportToDepartmentsSoon(CompiledRules rules)
    {
        var sinceLast = Stopwatch.GetElapsedTime(_lastReportedAt);
        if (_lastReportedAt == 0 || sinceLast >= LineInterval)
        {
            ReportToDepartments(rules);
            return;
        }

        _owedReport ??= this.RegisterGrainTimer(
            async _ => ReportToDepartments(await RulesAsync()),
            new GrainTimerCreationOptions(LineInterval - sinceLast, Timeout.InfiniteTimeSpan));
    }

    private void ReportToDepartments(CompiledRules rules)
    {
        _owedReport?.Dispose();
        _owedReport = null;
        _lastReportedAt = Stopwatch.GetTimestamp();
        if (!rules.Employees.TryGetValue(_employeeId, out var employee)) return;
        var now = clock.GetUtcNow();
        var period = Period.Of(now, rules.TimeZone);
        if (!State.Periods.TryGetValue(period, out var live) || rules.TemplateFor(live.TemplateId, period) is not { } template) return;
        var performance = PerformanceBuilder.Build(employee, period, template, plans.For(template), live.Accumulator, rules, now, State.LastSeq);
        var departmentIds = DepartmentIds(rules, employee);
        reporter.Report(departmentIds.Select(d => GrainKeys.For(_tenantId, d)), MemberScores.From(performance, employee.Name));
        liveFeed.Publish(new EmployeeLine(_tenantId, _employeeId, employee.Name, departmentIds, performance));
    }

    /// <summary>
    /// Sends the crossings of newly applied events to the live feed. Only those: a catch-up or a template realignment
    /// finds old crossings again, and those were published (or missed) when their events were first applied.
    /// </summary>
    private void PublishAlerts(IReadOnlyList<AlertRecord> crossings, CompiledRules rules)
    {
        if (crossings.Count == 0 || !rules.Employees.TryGetValue(_employeeId, out var employee)) return;
        var departmentIds = DepartmentIds(rules, employee);
        foreach (var crossing in crossings) liveFeed.Publish(new LiveAlert(employee.Name, departmentIds, crossing));
    }

    private static string[] DepartmentIds(CompiledRules rules, Employee employee) => [.. rules.SelfAndAncestors(employee.DepartmentId).Select(d => d.Id)];

    private AlertRecord ToRecord(StoredEvent stored, AlertCrossing crossing) =>
        new(_tenantId, _employeeId, stored.Period, crossing.IndicatorId, crossing.RuleId, stored.Seq, crossing.Kind, crossing.Value, crossing.Threshold, stored.Event.OccurredAt);

    private async Task WriteSnapshotAsync(CancellationToken cancellationToken)
    {
        if (!_dirty || _stateInDoubt) return;
        // The copy is taken between folds (a turn of its own) and written outside them, so folds never wait on storage.
        await _turns.RunAsync(() =>
        {
            snapshot.State = State.Clone();
            _dirty = false;
            return Task.CompletedTask;
        });
        await snapshot.WriteStateAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Folding committed events of tenant {TenantId} from position {Position} failed; the grain rebuilds from the log")]
    private static partial void LogFoldFailed(ILogger logger, Exception exception, string tenantId, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event stream moved past position {Position}; catching up from the log")]
    private static partial void LogStreamConflict(ILogger logger, long position);
}
