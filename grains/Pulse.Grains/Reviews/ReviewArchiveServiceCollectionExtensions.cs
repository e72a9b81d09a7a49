using Microsoft.Extensions.DependencyInjection;

namespace Pulse.Reviews;

/// <summary>Registers one <see cref="IReviewArchive"/> as a singleton, chosen as the other stores are, its schema created at start.</summary>
public static class ReviewArchiveServiceCollectionExtensions
{
    /// <summary>The embedded archive: a SQLite file of its own.</summary>
    public static IServiceCollection AddSqliteReviewArchive(this IServiceCollection services, string path) =>
        services.AddReviewArchive(sp => new SqliteReviewArchive(path, Clock(sp)));

    /// <summary>The production archive: PostgreSQL through Npgsql.</summary>
    public static IServiceCollection AddPostgresReviewArchive(this IServiceCollection services, string connectionString, string schema = "pulse") =>
        services.AddReviewArchive(sp => new PostgresReviewArchive(connectionString, Clock(sp), schema));

    private static TimeProvider Clock(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;

    private static IServiceCollection AddReviewArchive(this IServiceCollection services, Func<IServiceProvider, IReviewArchive> create)
    {
        services.AddSingleton(create);
        services.AddHostedService<ReviewArchiveInitializer>();
        return services;
    }
}
