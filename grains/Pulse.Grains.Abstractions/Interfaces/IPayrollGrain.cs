using Pulse.Reviews;

namespace Pulse.Grains;

/// <summary>
/// A cycle's pay lines on their way to the tenant's payroll endpoint; keyed <c>GrainKeys.For(tenantId, "yyyy-MM")</c>.
/// Idempotent per cycle and employee: a line already delivered with the same content is never sent again, so a
/// re-push sends nothing and a re-approval sends only what changed. Delivery runs in the background with retries.
/// </summary>
[Alias("pulse.grain.payroll")]
public interface IPayrollGrain : IGrainWithStringKey
{
    /// <summary>Queues the approved lines (the whole cycle); returns at once.</summary>
    [Alias("push")]
    Task<PayrollStatus> PushAsync(PayLine[] lines);

    [Alias("status")]
    Task<PayrollStatus> GetStatusAsync();

    /// <summary>Sends again what waits or failed, now: after the endpoint was set or changed.</summary>
    [Alias("resume")]
    Task<PayrollStatus> ResumeAsync();
}
