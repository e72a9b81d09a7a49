using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Pulse.Audit;
using Pulse.EventLog;
using Pulse.Feedback;
using Pulse.Grains;
using Pulse.Services;
using Pulse.Storage;

namespace Pulse.Tests.Grains;

/// <summary>
/// The shared in-process Orleans test cluster: the real grains on real SQLite files (event log, organisation and
/// snapshots) in a folder of their own.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // The silo configurator is created by Orleans with no arguments; in-process silos share this process's statics.
    private static string s_dataDirectory = "";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pulse-cluster-tests", Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public string EventLogPath => Path.Combine(DataDirectory, "events.db");

    public async ValueTask InitializeAsync()
    {
        s_dataDirectory = DataDirectory;
        Cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var directory = s_dataDirectory;
            siloBuilder.Services.AddSqliteEventLog(o => o.Path = Path.Combine(directory, "events.db"));
            siloBuilder.Services.AddSqliteAuditLog(o => o.Path = Path.Combine(directory, "audit.db"));
            siloBuilder.Services.AddSqliteFeedbackStore(Path.Combine(directory, "feedback.db"));
            siloBuilder.AddPulseGrains();
            siloBuilder.AddSqliteGrainStorage(StorageNames.Organisation, o => o.Path = Path.Combine(directory, "organisation.db"));
            siloBuilder.AddSqliteGrainStorage(StorageNames.Snapshots, o => o.Path = Path.Combine(directory, "snapshots.db"));
        }
    }
}
