using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pulse.Audit;

/// <summary>Registers one <see cref="IAuditLog"/> store as a singleton, its options validated at start.</summary>
public static class AuditLogServiceCollectionExtensions
{
    /// <summary>The embedded store: a SQLite file of its own.</summary>
    public static IServiceCollection AddSqliteAuditLog(this IServiceCollection services, Action<SqliteAuditLogOptions> configure)
    {
        services.AddOptions<SqliteAuditLogOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteAuditLogOptions>, SqliteAuditLogOptionsValidator>());
        services.TryAddSingleton<SqliteAuditLog>();
        return services.AddAuditLog<SqliteAuditLog>();
    }

    /// <summary>The production store: PostgreSQL through Npgsql.</summary>
    public static IServiceCollection AddPostgresAuditLog(this IServiceCollection services, Action<PostgresAuditLogOptions> configure)
    {
        services.AddOptions<PostgresAuditLogOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresAuditLogOptions>, PostgresAuditLogOptionsValidator>());
        services.TryAddSingleton<PostgresAuditLog>();
        return services.AddAuditLog<PostgresAuditLog>();
    }

    private static IServiceCollection AddAuditLog<TStore>(this IServiceCollection services)
        where TStore : class, IAuditLog
    {
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TStore>());
        services.AddHostedService<AuditLogInitializer>();
        return services;
    }
}
