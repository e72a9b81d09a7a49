using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Pulse.Grains;
using Pulse.Scoring;
using Pulse.Services;

namespace Pulse.Reviews;

/// <summary>
/// Drives the monthly cycles on every silo: once the silo is active and then every minute of its clock, for each
/// tenant, it opens the current month's cycle (the month in the tenant's zone) and advances the cycles of the last
/// <see cref="MonthsBack"/> months that are still open or rating. Every call is idempotent and the cycle grain decides
/// each transition from its durable state, so several silos, restarts and a silo that was down at midnight are all
/// harmless: the first pass after a start catches up. No reminder service is needed.
/// </summary>
public sealed partial class CycleOpener(IGrainFactory grains, TenantRulesProvider rulesProvider, TimeProvider clock, ILogger<CycleOpener> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public const int MonthsBack = 3;

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CycleOpener), ServiceLifecycleStage.Active, _ =>
        {
            _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stopping.CancelAsync();
            await _loop;
        });

    /// <summary>One pass over every tenant; a tenant that fails is logged and tried again on the next pass.</summary>
    public async Task PassAsync(CancellationToken cancellationToken = default)
    {
        var tenants = await grains.GetGrain<ITenantDirectoryGrain>(0).ListAsync();
        foreach (var tenantId in tenants)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await TenantAsync(tenantId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTenantFailed(logger, tenantId, e);
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task TenantAsync(string tenantId)
    {
        if (await rulesProvider.GetAsync(tenantId) is not { } rules) return;
        var current = Period.Of(clock.GetUtcNow(), rules.TimeZone);
        await grains.GetGrain<IReviewCycleGrain>(GrainKeys.For(tenantId, current)).EnsureOpenAsync();
        var period = current;
        for (var i = 0; i < MonthsBack; i++)
        {
            period = Period.Previous(period);
            var cycle = grains.GetGrain<IReviewCycleGrain>(GrainKeys.For(tenantId, period));
            if (await cycle.GetAsync() is { Status: Pulse.Reviews.CycleStatus.Open or Pulse.Reviews.CycleStatus.Rating } or { Approving: not null }) await cycle.AdvanceAsync();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    await PassAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPassFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the next start catches up.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening or advancing the review cycles of tenant {TenantId} failed; the next pass tries again")]
    private static partial void LogTenantFailed(ILogger logger, string tenantId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pass of the review cycle opener failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
