using Microsoft.Extensions.DependencyInjection;
using Pulse.Reviews;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// The silo's real archive, wrapped so a test can make its next month's save fail as a full disk would, and count the
/// saves that were written. Registered over the silo's own archive with <see cref="Register"/>.
/// </summary>
public sealed class FlakyReviewArchive(IReviewArchive inner) : IReviewArchive
{
    private int _failNext;
    private int _saves;

    /// <summary>How many months were saved (each save written whole).</summary>
    public int Saves => Volatile.Read(ref _saves);

    public void FailNextSave() => Volatile.Write(ref _failNext, 1);

    public static void Register(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IReviewArchive));
        services.Remove(real);
        services.AddSingleton(sp => new FlakyReviewArchive(real.ImplementationInstance as IReviewArchive
            ?? (IReviewArchive?)real.ImplementationFactory?.Invoke(sp)
            ?? (IReviewArchive)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        services.AddSingleton<IReviewArchive>(sp => sp.GetRequiredService<FlakyReviewArchive>());
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public async Task SaveCycleAsync(string tenantId, string period, IReadOnlyList<ArchivedResult> results, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _failNext, 0) == 1) throw new IOException("No space left on device.");
        await inner.SaveCycleAsync(tenantId, period, results, cancellationToken);
        Interlocked.Increment(ref _saves);
    }

    public Task<ArchiveImportOutcome> ImportAsync(string tenantId, IReadOnlyList<ArchivedMonthResult> results, CancellationToken cancellationToken = default) =>
        inner.ImportAsync(tenantId, results, cancellationToken);

    public Task<IReadOnlySet<string>> CyclePeriodsAsync(string tenantId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken = default) =>
        inner.CyclePeriodsAsync(tenantId, periods, cancellationToken);

    public Task<ArchiveRead> ReadAsync(string tenantId, ArchiveQuery query, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(tenantId, query, limit, cancellationToken);

    public Task<IReadOnlyList<DepartmentMonthTotals>> TotalsAsync(string tenantId, ArchiveQuery query, CancellationToken cancellationToken = default) =>
        inner.TotalsAsync(tenantId, query, cancellationToken);
}
