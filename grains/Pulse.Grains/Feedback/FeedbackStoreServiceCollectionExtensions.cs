using Microsoft.Extensions.DependencyInjection;

namespace Pulse.Feedback;

/// <summary>Registers one <see cref="IFeedbackStore"/> as a singleton, chosen as the audit log's store is, its schema created at start.</summary>
public static class FeedbackStoreServiceCollectionExtensions
{
    /// <summary>The embedded store: a SQLite file of its own.</summary>
    public static IServiceCollection AddSqliteFeedbackStore(this IServiceCollection services, string path) =>
        services.AddFeedbackStore(_ => new SqliteFeedbackStore(path));

    /// <summary>The production store: PostgreSQL through Npgsql.</summary>
    public static IServiceCollection AddPostgresFeedbackStore(this IServiceCollection services, string connectionString, string schema = "pulse") =>
        services.AddFeedbackStore(_ => new PostgresFeedbackStore(connectionString, schema));

    private static IServiceCollection AddFeedbackStore(this IServiceCollection services, Func<IServiceProvider, IFeedbackStore> create)
    {
        services.AddSingleton(create);
        services.AddHostedService<FeedbackStoreInitializer>();
        return services;
    }
}
