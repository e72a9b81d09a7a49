using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Reviews;

namespace Pulse.Payroll;

/// <summary>
/// A cycle's pay lines on their way to the tenant's payroll endpoint (key <c>tenant/yyyy-MM</c>). A push stores each
/// employee's line with a content hash and queues only lines whose content payroll has not accepted yet: a re-push
/// sends nothing, a re-approval sends what changed. A one-shot grain timer, set to the earliest due line, posts one
/// signed batch per round and writes the state once per round; it does not interleave with calls, so nothing writes
/// the state concurrently, and it keeps the grain active while lines wait. Delivery is at least once: a batch whose
/// answer was lost is sent again with the same idempotency keys.
/// </summary>
public sealed partial class PayrollGrain(
    [PersistentState("payroll", StorageNames.Organisation)] IPersistentState<PayrollState> state,
    PayrollSecrets secrets,
    PayrollSender sender,
    IOptions<PayrollOptions> options,
    TimeProvider clock,
    ILogger<PayrollGrain> logger) : Grain, IPayrollGrain
{
    private readonly PayrollOptions _options = options.Value;
    private IGrainTimer? _timer;

    private string TenantId => GrainKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string CyclePeriod => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    private PayrollState State => state.State;

    private IPayrollEndpointGrain Endpoint => GrainFactory.GetGrain<IPayrollEndpointGrain>(TenantId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Lines left waiting by an earlier activation resume here.
        Schedule();
        return Task.CompletedTask;
    }

    public async Task<PayrollStatus> PushAsync(PayLine[] lines)
    {
        Check(lines);
        var now = clock.GetUtcNow();
        var pushed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            pushed.Add(line.EmployeeId);
            var hash = PayLineHash.Content(line);
            if (!State.Lines.TryGetValue(line.EmployeeId, out var entry))
            {
                State.Lines[line.EmployeeId] = new PayrollEntry { Line = line, Hash = hash, Status = PayrollLineStatus.Pending, NextAttemptAt = now };
                continue;
            }
            var waiting = entry.Status == PayrollLineStatus.Pending && entry.Hash == hash;
            entry.Line = line;
            entry.Hash = hash;
            if (hash == entry.DeliveredHash) Settle(entry, PayrollLineStatus.Delivered, null);
            else if (!waiting) Requeue(entry, now);
        }
        foreach (var (employeeId, entry) in State.Lines.ToList())
        {
            if (pushed.Contains(employeeId)) continue;
            // A line payroll never accepted is forgotten; one it did keeps its hash, so the same content is not sent twice.
            if (entry.DeliveredHash is null) State.Lines.Remove(employeeId);
            else Settle(entry, PayrollLineStatus.Withdrawn, null);
        }
        await state.WriteStateAsync();
        await Endpoint.NotePeriodAsync(CyclePeriod);
        Schedule();
        return await StatusAsync();
    }

    public Task<PayrollStatus> GetStatusAsync() => StatusAsync();

    public async Task<PayrollStatus> ResumeAsync()
    {
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var entry in State.Lines.Values.Where(e => e.Status is PayrollLineStatus.Pending or PayrollLineStatus.Failed))
        {
            Requeue(entry, now);
            changed = true;
        }
        if (changed) await state.WriteStateAsync();
        Schedule();
        return await StatusAsync();
    }

    /// <summary>One round: posts one batch of what is due, settles its lines, writes once, then sets the timer for the next.</summary>
    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = State.Lines.Values.Where(e => e.Status == PayrollLineStatus.Pending && e.NextAttemptAt <= clock.GetUtcNow())
            .OrderBy(e => e.Line.EmployeeId, StringComparer.Ordinal).Take(_options.BatchSize).ToList();
        if (due.Count == 0)
        {
            Schedule();
            return;
        }
        if (await Endpoint.GetProtectedAsync() is not { } endpoint)
        {
            // Kept until an endpoint is set (which resumes the period) or the cycle pushes again.
            StopTimer();
            return;
        }
        var url = secrets.Unprotect(TenantId, endpoint.ProtectedUrl);
        var secret = secrets.Unprotect(TenantId, endpoint.ProtectedSecret);
        var outcome = url is null || secret is null
            ? new PayrollOutcome(false, false, null, "the stored endpoint cannot be decrypted with this key ring; set it again")
            : await SendAsync(new Uri(url), secret, due, cancellationToken);

        var now = clock.GetUtcNow();
        // One wait for the whole batch, so it is retried whole, under the same idempotency key.
        var retryAt = now + PayrollBackoff.After(due.Max(e => e.Attempts) + 1, _options);
        foreach (var entry in due)
        {
            entry.Attempts++;
            if (outcome.Delivered)
            {
                entry.DeliveredHash = entry.Hash;
                Settle(entry, PayrollLineStatus.Delivered, null);
            }
            else if (outcome.Retryable && entry.Attempts < _options.MaxAttempts)
            {
                entry.Error = outcome.Error;
                entry.NextAttemptAt = retryAt;
            }
            else
            {
                Settle(entry, PayrollLineStatus.Failed, outcome.Error);
            }
        }
        State.LastAttemptAt = now;
        State.LastError = outcome.Delivered ? null : outcome.Error;
        if (!outcome.Delivered) LogFailed(logger, TenantId, CyclePeriod, due.Count, due[0].Attempts, outcome.HttpStatus, outcome.Error, outcome.Retryable && due[0].Attempts < _options.MaxAttempts);
        await state.WriteStateAsync(cancellationToken);
        Schedule();
    }

    private Task<PayrollOutcome> SendAsync(Uri url, string secret, List<PayrollEntry> due, CancellationToken cancellationToken)
    {
        var keyed = due.Select(e => (e.Line, Key: PayLineHash.LineKey(TenantId, CyclePeriod, e.Line.EmployeeId, e.Hash))).ToList();
        var body = PayrollBody.Write(TenantId, CyclePeriod, keyed);
        return sender.SendAsync(url, secret, body, PayLineHash.BatchKey(keyed.Select(k => k.Key)), cancellationToken);
    }

    private async Task<PayrollStatus> StatusAsync()
    {
        var configured = await Endpoint.GetProtectedAsync() is not null;
        var lines = State.Lines.Values;
        return new PayrollStatus(configured,
            lines.Count(e => e.Status == PayrollLineStatus.Delivered),
            lines.Count(e => e.Status == PayrollLineStatus.Pending),
            lines.Count(e => e.Status == PayrollLineStatus.Failed),
            State.LastError,
            State.LastAttemptAt);
    }

    private void Check(PayLine[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Length > _options.MaxLines) throw new ArgumentException($"A cycle pushes at most {_options.MaxLines} lines.", nameof(lines));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line is null || string.IsNullOrEmpty(line.EmployeeId)) throw new ArgumentException("Every line names its employee.", nameof(lines));
            if (line.Period != CyclePeriod) throw new ArgumentException($"A line of {line.Period} was pushed to the cycle {CyclePeriod}.", nameof(lines));
            if (!seen.Add(line.EmployeeId)) throw new ArgumentException($"Employee {line.EmployeeId} has more than one line.", nameof(lines));
        }
    }

    private static void Requeue(PayrollEntry entry, DateTimeOffset now)
    {
        entry.Status = PayrollLineStatus.Pending;
        entry.Attempts = 0;
        entry.NextAttemptAt = now;
        entry.Error = null;
    }

    private static void Settle(PayrollEntry entry, PayrollLineStatus status, string? error)
    {
        entry.Status = status;
        entry.Error = error;
    }

    private void Schedule()
    {
        var pending = State.Lines.Values.Where(e => e.Status == PayrollLineStatus.Pending).ToList();
        if (pending.Count == 0)
        {
            StopTimer();
            return;
        }
        var due = pending.Min(e => e.NextAttemptAt) - clock.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        if (_timer is null) _timer = this.RegisterGrainTimer(DeliverDueAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        else _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payroll push of tenant {TenantId}, cycle {Period}: a batch of {Lines} lines failed at attempt {Attempts} (HTTP {HttpStatus}, {Reason}); retrying: {Retrying}")]
    private static partial void LogFailed(ILogger logger, string tenantId, string period, int lines, int attempts, int? httpStatus, string? reason, bool retrying);
}
