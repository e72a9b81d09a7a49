using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Organisation;
using Pulse.Performance;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Webhooks;

/// <summary>
/// A tenant's webhook targets and their dispatcher. Alerts offered by the silos' live feeds are queued per matching
/// target in a bounded durable outbox (one state write per offer, never per attempt); a one-shot grain timer, set to
/// the earliest due delivery, sends what is due (a few at once), records each attempt on its target and writes the
/// state once per round. The timer does not interleave with calls, so nothing writes the state concurrently, and it
/// keeps the grain active while deliveries wait.
/// </summary>
public sealed partial class WebhookGrain(
    [PersistentState("webhooks", StorageNames.Organisation)] IPersistentState<WebhookState> state,
    WebhookSecrets secrets,
    WebhookSender sender,
    TenantRulesProvider rulesProvider,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain
{
    private readonly WebhookOptions _options = options.Value;
    private IGrainTimer? _timer;

    private string TenantId => this.GetPrimaryKeyString();

    private WebhookState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Deliveries left waiting by an earlier activation resume here.
        Schedule();
        return Task.CompletedTask;
    }

    public Task<WebhookList> ListAsync() =>
        Task.FromResult(new WebhookList([.. State.Targets.Select(View)], State.Outbox.Count, State.Dropped));

    public Task<WebhookTargetView?> GetAsync(string targetId) =>
        Task.FromResult(Find(targetId) is { } target ? View(target) : null);

    public Task<WebhookDelivery[]?> GetDeliveriesAsync(string targetId) =>
        Task.FromResult(Find(targetId) is { } target ? target.Deliveries.ToArray() : null);

    public async Task<Answer<CreatedWebhook>> CreateAsync(WebhookTargetInput input)
    {
        var errors = WebhookTargetValidator.Check(input, creating: true, _options, await rulesProvider.GetAsync(TenantId));
        if (errors.Length > 0) return Answers.Invalid<CreatedWebhook>(errors);
        if (State.Targets.Count >= _options.MaxTargets)
            return Answers.Invalid<CreatedWebhook>("webhooks", $"a tenant has at most {_options.MaxTargets} targets; delete one first");

        var now = clock.GetUtcNow();
        var secret = WebhookKinds.Signs(input.Kind) && !string.IsNullOrEmpty(input.Secret) ? input.Secret : null;
        var target = new StoredWebhookTarget
        {
            Id = RandomNumberGenerator.GetHexString(12, lowercase: true),
            Name = input.Name.Trim(),
            Kind = input.Kind,
            ProtectedUrl = secrets.Protect(TenantId, input.Url!),
            ProtectedSecret = secret is null ? null : secrets.Protect(TenantId, secret),
            MaskedUrl = OutboundUrl.Mask(input.Url!),
            Filter = Normalise(input.Filter),
            Enabled = input.Enabled,
            Locale = input.Locale,
            CreatedAt = now,
            UpdatedAt = now,
        };
        State.Targets.Add(target);
        await state.WriteStateAsync();
        return Answers.Ok(new CreatedWebhook(View(target), input.Url!, secret));
    }

    public async Task<Answer<WebhookTargetView>> UpdateAsync(string targetId, WebhookTargetInput input)
    {
        if (Find(targetId) is not { } target) return Answers.NotFound<WebhookTargetView>($"Webhook '{targetId}' does not exist.");
        var errors = WebhookTargetValidator.Check(input, creating: false, _options, await rulesProvider.GetAsync(TenantId));
        if (errors.Length > 0) return Answers.Invalid<WebhookTargetView>(errors);

        target.Name = input.Name.Trim();
        target.Kind = input.Kind;
        if (input.Url is not null)
        {
            target.ProtectedUrl = secrets.Protect(TenantId, input.Url);
            target.MaskedUrl = OutboundUrl.Mask(input.Url);
        }
        // Null keeps the secret, empty removes it; a kind that does not sign keeps none.
        if (!WebhookKinds.Signs(input.Kind) || input.Secret == "") target.ProtectedSecret = null;
        else if (input.Secret is not null) target.ProtectedSecret = secrets.Protect(TenantId, input.Secret);
        target.Filter = Normalise(input.Filter);
        target.Enabled = input.Enabled;
        target.Locale = input.Locale;
        target.UpdatedAt = clock.GetUtcNow();
        if (!target.Enabled) State.Outbox.RemoveAll(e => e.TargetId == targetId);
        await state.WriteStateAsync();
        Schedule();
        return Answers.Ok(View(target));
    }

    public async Task<bool> DeleteAsync(string targetId)
    {
        if (Find(targetId) is not { } target) return false;
        State.Targets.Remove(target);
        State.Outbox.RemoveAll(e => e.TargetId == targetId);
        await state.WriteStateAsync();
        Schedule();
        return true;
    }

    public async Task<Answer<WebhookDelivery>> TestAsync(string targetId)
    {
        if (Find(targetId) is not { } target) return Answers.NotFound<WebhookDelivery>($"Webhook '{targetId}' does not exist.");
        var rules = await rulesProvider.GetAsync(TenantId);
        var outcome = await AttemptAsync(target, AlertText.Test(target.Name, LocaleOf(target, rules)));
        var delivery = new WebhookDelivery(clock.GetUtcNow(), outcome.Delivered ? WebhookDeliveryStatus.Delivered : WebhookDeliveryStatus.Failed,
            outcome.HttpStatus, outcome.Error, 1, null, null, null, Test: true);
        Record(target, delivery);
        await state.WriteStateAsync();
        return Answers.Ok(delivery);
    }

    public async Task OfferAsync(LiveAlert[] alerts)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var alert in alerts)
        {
            // Only this tenant's alerts, whatever a caller sends.
            if (alert.Alert.TenantId != TenantId) continue;
            foreach (var target in State.Targets)
            {
                if (!target.Enabled || !WebhookFilterMatch.Matches(target.Filter, alert) || IsQueued(target.Id, alert.Alert)) continue;
                State.Outbox.Add(new OutboxEntry { TargetId = target.Id, Alert = alert, NextAttemptAt = now });
                queued++;
            }
        }
        if (queued == 0) return;
        DropOverflow(now);
        await state.WriteStateAsync();
        Schedule();
    }

    /// <summary>One round: sends what is due (at most <see cref="WebhookOptions.MaxParallel"/> at once), then sets the timer for the next.</summary>
    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = State.Outbox.Where(e => e.NextAttemptAt <= now).Take(_options.MaxParallel).ToList();
        if (due.Count > 0)
        {
            var rules = await rulesProvider.GetAsync(TenantId);
            // The sends run side by side; state changes only after all have answered, in this one turn.
            var outcomes = await Task.WhenAll(due.Select(entry => AttemptAsync(entry, rules)));
            var finished = clock.GetUtcNow();
            for (var i = 0; i < due.Count; i++) Settle(due[i], outcomes[i], finished);
            await state.WriteStateAsync(cancellationToken);
        }
        Schedule();
    }

    private void Settle(OutboxEntry entry, SendOutcome? outcome, DateTimeOffset now)
    {
        if (outcome is null || Find(entry.TargetId) is not { } target)
        {
            State.Outbox.Remove(entry);
            return;
        }
        entry.Attempts++;
        var retry = !outcome.Delivered && outcome.Retryable && entry.Attempts < _options.MaxAttempts;
        var status = outcome.Delivered ? WebhookDeliveryStatus.Delivered : retry ? WebhookDeliveryStatus.Retrying : WebhookDeliveryStatus.Failed;
        Record(target, Delivery(entry, status, now, outcome.HttpStatus, outcome.Error));
        if (retry) entry.NextAttemptAt = now + WebhookBackoff.After(entry.Attempts, _options);
        else State.Outbox.Remove(entry);
        if (status == WebhookDeliveryStatus.Failed) LogGaveUp(logger, TenantId, target.Id, target.Kind, entry.Attempts, outcome.HttpStatus, outcome.Error);
    }

    /// <summary>Null when the target is gone.</summary>
    private async Task<SendOutcome?> AttemptAsync(OutboxEntry entry, CompiledRules? rules) =>
        Find(entry.TargetId) is { } target ? await AttemptAsync(target, AlertText.For(entry.Alert, rules, LocaleOf(target, rules))) : null;

    private async Task<SendOutcome> AttemptAsync(StoredWebhookTarget target, AlertMessage message)
    {
        var url = secrets.Unprotect(TenantId, target.ProtectedUrl);
        var secret = target.ProtectedSecret is null ? null : secrets.Unprotect(TenantId, target.ProtectedSecret);
        if (url is null || (target.ProtectedSecret is not null && secret is null))
            return new SendOutcome(false, false, null, "the stored URL or secret cannot be decrypted with this key ring; enter them again");
        var request = WebhookPayloads.Build(target.Kind, url, secret, message, clock.GetUtcNow());
        return await sender.SendAsync(target.Kind, request, CancellationToken.None);
    }

    private void DropOverflow(DateTimeOffset now)
    {
        var excess = State.Outbox.Count - _options.OutboxCapacity;
        if (excess <= 0) return;
        foreach (var entry in State.Outbox.Take(excess))
        {
            if (Find(entry.TargetId) is { } target) Record(target, Delivery(entry, WebhookDeliveryStatus.Dropped, now, null, "the outbox was full"));
        }
        State.Outbox.RemoveRange(0, excess);
        State.Dropped += excess;
        LogDropped(logger, TenantId, excess, State.Dropped);
    }

    private void Schedule()
    {
        if (State.Outbox.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }
        var next = State.Outbox.Min(e => e.NextAttemptAt);
        var due = next - clock.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        if (_timer is null) _timer = this.RegisterGrainTimer(DeliverDueAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        else _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void Record(StoredWebhookTarget target, WebhookDelivery delivery)
    {
        target.Deliveries.Insert(0, delivery);
        if (target.Deliveries.Count > _options.DeliveriesKept) target.Deliveries.RemoveRange(_options.DeliveriesKept, target.Deliveries.Count - _options.DeliveriesKept);
    }

    private static WebhookDelivery Delivery(OutboxEntry entry, WebhookDeliveryStatus status, DateTimeOffset at, int? httpStatus, string? error) =>
        new(at, status, httpStatus, error, entry.Attempts, entry.Alert.Alert.EmployeeId, entry.Alert.Alert.IndicatorId, entry.Alert.Alert.Kind);

    private bool IsQueued(string targetId, AlertRecord alert) => State.Outbox.Any(e => e.TargetId == targetId
        && e.Alert.Alert.EmployeeId == alert.EmployeeId && e.Alert.Alert.RuleId == alert.RuleId && e.Alert.Alert.IndicatorId == alert.IndicatorId
        && e.Alert.Alert.AtSeq == alert.AtSeq && e.Alert.Alert.Kind == alert.Kind);

    private StoredWebhookTarget? Find(string targetId) => State.Targets.Find(t => t.Id == targetId);

    private static string LocaleOf(StoredWebhookTarget target, CompiledRules? rules) => target.Locale ?? rules?.Rules.Settings.Locale ?? "zh-CN";

    private static WebhookFilter Normalise(WebhookFilter? filter) => new(
        [.. (filter?.DepartmentIds ?? []).Distinct(StringComparer.Ordinal)],
        [.. (filter?.IndicatorIds ?? []).Distinct(StringComparer.Ordinal)],
        [.. (filter?.Kinds ?? []).Distinct(StringComparer.Ordinal)]);

    private static WebhookTargetView View(StoredWebhookTarget t) =>
        new(t.Id, t.Name, t.Kind, t.MaskedUrl, t.ProtectedSecret is not null, t.Filter, t.Enabled, t.Locale, t.CreatedAt, t.UpdatedAt, t.Deliveries.FirstOrDefault());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {TargetId} ({Kind}) of tenant {TenantId}: gave up a delivery after {Attempts} attempts (HTTP {HttpStatus}, {Reason})")]
    private static partial void LogGaveUp(ILogger logger, string tenantId, string targetId, string kind, int attempts, int? httpStatus, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook outbox of tenant {TenantId} was full: dropped the {Dropped} oldest deliveries ({Total} so far)")]
    private static partial void LogDropped(ILogger logger, string tenantId, int dropped, long total);
}
