using Pulse.Audit;
using Pulse.EventLog;
using Pulse.Grains;
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

        if (options.Storage == "Postgres")
        {
            builder.Services.AddPostgresEventLog(o => o.ConnectionString = options.PostgresConnectionString!);
            builder.Services.AddPostgresAuditLog(o => o.ConnectionString = options.PostgresConnectionString!);
        }
        else
        {
            builder.Services.AddSqliteEventLog(o => o.Path = Path.Combine(dataDirectory, "events.db"));
            builder.Services.AddSqliteAuditLog(o => o.Path = Path.Combine(dataDirectory, "audit.db"));
        }

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddPulseGrains();
            if (options.Storage == "Postgres")
            {
                silo.AddPostgresGrainStorage(StorageNames.Organisation, o => o.ConnectionString = options.PostgresConnectionString!);
                silo.AddPostgresGrainStorage(StorageNames.Snapshots, o => o.ConnectionString = options.PostgresConnectionString!);
            }
            else
            {
                silo.AddSqliteGrainStorage(StorageNames.Organisation, o => o.Path = Path.Combine(dataDirectory, "organisation.db"));
                silo.AddSqliteGrainStorage(StorageNames.Snapshots, o => o.Path = Path.Combine(dataDirectory, "snapshots.db"));
            }
        });
        return builder;
    }
}
