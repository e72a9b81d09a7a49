using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pulse.EventLog;

/// <summary>Registers one <see cref="IEventLog"/> store as a singleton, its options validated at start.</summary>
public static class EventLogServiceCollectionExtensions
{
    /// <summary>The embedded store: a SQLite file. The container disposes it at shutdown, committing what is queued.</summary>
    public static IServiceCollection AddSqliteEventLog(this IServiceCollection services, Action<SqliteEventLogOptions> configure)
    {
        services.AddOptions<SqliteEventLogOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteEventLogOptions>, SqliteEventLogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteEventLog>();
        return services.AddEventLog<SqliteEventLog>();
    }

    /// <summary>The production store: PostgreSQL through Npgsql.</summary>
    public static IServiceCollection AddPostgresEventLog(this IServiceCollection services, Action<PostgresEventLogOptions> configure)
    {
        services.AddOptions<PostgresEventLogOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresEventLogOptions>, PostgresEventLogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostgresEventLog>();
        return services.AddEventLog<PostgresEventLog>();
    }

    private static IServiceCollection AddEventLog<TStore>(this IServiceCollection services)
        where TStore : class, IEventLog
    {
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<TStore>());
        services.AddHostedService<EventLogInitializer>();
        return services;
    }
}
