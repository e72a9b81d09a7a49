using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Reviews;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Payroll;

/// <summary>
/// A tenant's payroll endpoint. It never calls the payroll grains (they call it), so no call cycle can form; the API
/// resumes the remembered periods after a change.
/// </summary>
public sealed class PayrollEndpointGrain(
    [PersistentState("payroll-endpoint", StorageNames.Organisation)] IPersistentState<PayrollEndpointState> state,
    PayrollSecrets secrets,
    IOptions<PayrollOptions> options,
    TimeProvider clock) : Grain, IPayrollEndpointGrain
{
    /// <summary>Two years of monthly cycles.</summary>
    public const int PeriodsKept = 24;

    private string TenantId => this.GetPrimaryKeyString();

    private PayrollEndpointState State => state.State;

    public Task<PayrollEndpointView> GetAsync() => Task.FromResult(View());

    public async Task<Answer<PayrollEndpointView>> SetAsync(PayrollEndpointInput input, string by)
    {
        var errors = PayrollEndpointValidator.Check(input, State.ProtectedSecret is not null, options.Value);
        if (errors.Length > 0) return Answers.Invalid<PayrollEndpointView>(errors);
        State.ProtectedUrl = secrets.Protect(TenantId, input.Url!);
        State.MaskedUrl = OutboundUrl.Mask(input.Url!);
        if (input.Secret is not null) State.ProtectedSecret = secrets.Protect(TenantId, input.Secret);
        State.UpdatedAt = clock.GetUtcNow();
        State.UpdatedBy = by;
        await state.WriteStateAsync();
        return Answers.Ok(View());
    }

    public Task<ProtectedPayrollEndpoint?> GetProtectedAsync() => Task.FromResult(
        State is { ProtectedUrl: { } url, ProtectedSecret: { } secret } ? new ProtectedPayrollEndpoint(url, secret) : null);

    public async Task NotePeriodAsync(string period)
    {
        if (!Period.IsValid(period) || State.Periods.Contains(period)) return;
        State.Periods.Add(period);
        State.Periods.Sort(StringComparer.Ordinal);
        if (State.Periods.Count > PeriodsKept) State.Periods.RemoveRange(0, State.Periods.Count - PeriodsKept);
        await state.WriteStateAsync();
    }

    public Task<string[]> GetPeriodsAsync() => Task.FromResult(State.Periods.ToArray());

    private PayrollEndpointView View() =>
        new(State.ProtectedUrl is not null && State.ProtectedSecret is not null, State.MaskedUrl, State.ProtectedSecret is not null, State.UpdatedAt, State.UpdatedBy);
}
