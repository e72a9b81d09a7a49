using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;

namespace Pulse.Services;

public static class PulseSiloBuilderExtensions
{
    /// <summary>
    /// What the grains need from their silo besides storage and the event log: the rules cache, the plan cache, the
    /// department reporter, a clock, and Orleans' own binary format for stored state (exact decimals, compact
    /// snapshots).
    /// </summary>
    public static ISiloBuilder AddPulseGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddSingleton<TenantRulesProvider>();
        silo.Services.AddSingleton<PlanCache>();
        silo.Services.AddSingleton<DepartmentReporter>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<DepartmentReporter>());
        return silo;
    }
}
