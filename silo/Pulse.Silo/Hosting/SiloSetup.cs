using Pulse.Audit;
using Pulse.EventLog;
using Pulse.Feedback;
using Pulse.Grains;
using Pulse.Reviews;
using Pulse.Services;
using Pulse.Storage;

namespace Pulse.Silo.Hosting;

/// <summary>The Orleans silo and the storage it runs on: SQLite files under the data directory by default, PostgreSQL in production.</summary>
public static class SiloSetup
{
    public static WebApplicationBuilder AddPulseSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PulseOptions.Section).Get<PulseOptions>() ?? new PulseOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        var siloPort = builder.Configuration.GetValue("Pulse:SiloPort", 11111);
        var gatewayPort = builder.Configuration.GetValue("Pulse:GatewayPort", 30000);
        // Several silos on one machine (benchmarks, trying the fan-out): each joins the one whose silo port this names.
        var primarySiloPort = builder.Configuration.GetValue<int?>("Pulse:PrimarySiloPort");

        // Before anything opens a file or a port: a second silo on the same files, or on a taken port, stops here
        // with one line saying which.
        var dataLock = options.Storage == "Postgres" ? null : DataDirectoryLock.Acquire(dataDirectory);
        try
        {
            PortCheck.EnsureFree(System.Net.IPAddress.Loopback, siloPort, "--Pulse:SiloPort");
            PortCheck.EnsureFree(System.Net.IPAddress.Loopback, gatewayPort, "--Pulse:GatewayPort");
            PortCheck.EnsureFree(builder.Configuration["urls"]);
        }
        catch (StartupException)
        {
            dataLock?.Dispose();
            throw;
        }
        if (dataLock is not null) builder.Services.AddHostedService(_ => dataLock);

        if (options.Storage == "Postgres")
        {
            builder.Services.AddPostgresEventLog(o =>
            {
                builder.Configuration.GetSection("Pulse:EventLog").Bind(o); // MaxBatchEvents, MaxConcurrentBatches, MinSplitEvents
                o.ConnectionString = WithPool(options.PostgresConnectionString!, 30);
            });
            builder.Services.AddPostgresAuditLog(o => o.ConnectionString = WithPool(options.PostgresConnectionString!, 5));
            builder.Services.AddPostgresFeedbackStore(WithPool(options.PostgresConnectionString!, 5));
            builder.Services.AddPostgresReviewArchive(WithPool(options.PostgresConnectionString!, 5));
        }
        else
        {
            builder.Services.AddSqliteEventLog(o =>
            {
                builder.Configuration.GetSection("Pulse:EventLog").Bind(o); // MaxBatchEvents, CheckpointIntervalMilliseconds
                o.Path = Path.Combine(dataDirectory, "events.db");
            });
            builder.Services.AddSqliteAuditLog(o => o.Path = Path.Combine(dataDirectory, "audit.db"));
            builder.Services.AddSqliteFeedbackStore(Path.Combine(dataDirectory, "feedback.db"));
            builder.Services.AddSqliteReviewArchive(Path.Combine(dataDirectory, "reviews.db"));
        }

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort,
                primarySiloPort is { } primary ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, primary) : null);
            silo.AddPulseGrains();
            if (options.Storage == "Postgres")
            {
                silo.AddPostgresGrainStorage(StorageNames.Organisation, o => o.ConnectionString = WithPool(options.PostgresConnectionString!, 10));
                silo.AddPostgresGrainStorage(StorageNames.Snapshots, o => o.ConnectionString = WithPool(options.PostgresConnectionString!, 20));
            }
            else
            {
                silo.AddSqliteGrainStorage(StorageNames.Organisation, o => o.Path = Path.Combine(dataDirectory, "organisation.db"));
                silo.AddSqliteGrainStorage(StorageNames.Snapshots, o => o.Path = Path.Combine(dataDirectory, "snapshots.db"));
            }
        });
        return builder;
    }

    /// <summary>
    /// Each store has its own pool; together they must stay under the server's connection limit (100 by default)
    /// however many grains activate at once — callers beyond a pool's size wait for a connection instead of failing.
    /// A size the operator set in the connection string wins.
    /// </summary>
    private static string WithPool(string connectionString, int maxPoolSize)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = maxPoolSize;
        }
        return builder.ConnectionString;
    }
}
