using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;
using Pulse.Audit;
using Pulse.Chat;
using Pulse.Live;
using Pulse.Payroll;
using Pulse.Reviews;
using Pulse.Webhooks;

namespace Pulse.Services;

public static class PulseSiloBuilderExtensions
{
    /// <summary>
    /// What the grains need from their silo besides storage, the event log and the audit log: the rules cache, the plan
    /// cache, the department reporter, the live feed (options in <see cref="LiveFeedOptions"/>), the chat presence window (<see cref="ChatUserOptions"/>), a clock, Orleans' own binary format for stored state (exact decimals, compact
    /// snapshots), and the domain services the API, the hub and the bot share (changes, performance reading, the
    /// overview, feedback, caller resolution), what outbound webhooks need (<see cref="WebhookOptions"/>), what the payroll push needs (<see cref="PayrollOptions"/>), and the review service and the cycle opener that drives each tenant's monthly review (<see cref="CycleOpener"/>). The feedback store is registered with the other stores.
    /// </summary>
    public static ISiloBuilder AddPulseGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddSingleton<TenantRulesProvider>();
        silo.Services.AddSingleton<PlanCache>();
        silo.Services.AddSingleton<DepartmentReporter>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<DepartmentReporter>());
        silo.Services.AddOptions<LiveFeedOptions>().ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveFeedOptions>, LiveFeedOptionsValidator>());
        silo.Services.AddSingleton<LiveFeed>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        silo.Services.AddOptions<ChatUserOptions>().ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatUserOptions>, ChatUserOptionsValidator>());
        silo.Services.AddSingleton<AuditTrail>();
        silo.Services.AddSingleton<CallerResolver>();
        silo.Services.AddSingleton<OrganisationChanges>();
        silo.Services.AddSingleton<TenantOverview>();
        silo.Services.AddSingleton<PerformanceReader>();
        silo.Services.AddSingleton<FeedbackService>();
        silo.Services.AddSingleton<Reviews.PersonalReviewService>();
        silo.Services.AddSingleton<ReviewReports>();
        silo.Services.AddSingleton<ReviewImport>();
        silo.Services.AddPulseWebhooks();
        silo.Services.AddSingleton<ReviewService>();
        silo.Services.TryAddSingleton<IReviewNotifier, LiveFeedReviewNotifier>();
        silo.Services.AddSingleton<CycleOpener>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CycleOpener>());
        silo.Services.AddPulsePayroll();
        return silo;
    }
}
