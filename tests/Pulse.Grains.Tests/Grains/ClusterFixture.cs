using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Pulse.Audit;
using Pulse.EventLog;
using Pulse.Feedback;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Reviews;
using Pulse.Services;
using Pulse.Storage;

namespace Pulse.Tests.Grains;

/// <summary>
/// The shared in-process Orleans test cluster: the real grains on real SQLite files (event log, organisation and
/// snapshots) in a folder of their own. The live feed's subscribers expire after <see cref="SubscriberExpiry"/> and
/// the silo reads them every 100 ms, so its tests need not wait the production half minute.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // The silo configurator is created by Orleans with no arguments; in-process silos share this process's statics.
    private static string s_dataDirectory = "";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pulse-cluster-tests", Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public static readonly TimeSpan SubscriberExpiry = TimeSpan.FromSeconds(2);

    public string EventLogPath => Path.Combine(DataDirectory, "events.db");

    /// <summary>A service of the (only, in-process) silo.</summary>
    public T SiloService<T>()
        where T : notnull => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<T>();

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
            siloBuilder.Services.AddSqliteReviewArchive(Path.Combine(directory, "reviews.db"));
            siloBuilder.AddPulseGrains();
            siloBuilder.Services.Configure<LiveFeedOptions>(o =>
            {
                o.RefreshSubscribersMilliseconds = 100;
                o.SubscriberExpiryMilliseconds = (int)SubscriberExpiry.TotalMilliseconds;
            });
            siloBuilder.AddSqliteGrainStorage(StorageNames.Organisation, o => o.Path = Path.Combine(directory, "organisation.db"));
            siloBuilder.AddSqliteGrainStorage(StorageNames.Snapshots, o => o.Path = Path.Combine(directory, "snapshots.db"));
        }
    }
}
