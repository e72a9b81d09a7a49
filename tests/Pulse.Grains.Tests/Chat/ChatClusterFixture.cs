using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Storage;

namespace Pulse.Tests.Chat;

/// <summary>
/// An in-process Orleans test cluster for the chat grains, with durable state on a real SQLite file and a clock the
/// tests move (a conversation stops counting as open after half an hour of silence).
/// </summary>
public sealed class ChatClusterFixture : IAsyncLifetime
{
    // The silo configurator is created by Orleans with no arguments; in-process silos share this process's statics.
    private static string s_dataDirectory = "";
    private static FakeTimeProvider s_clock = new();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pulse-chat-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync()
    {
        s_dataDirectory = DataDirectory;
        s_clock = Clock;
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
            siloBuilder.Services.AddSingleton<TimeProvider>(s_clock);
            siloBuilder.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            siloBuilder.Services.AddOptions<ChatUserOptions>();
            siloBuilder.AddSqliteGrainStorage(StorageNames.Organisation, o => o.Path = Path.Combine(directory, "organisation.db"));
        }
    }
}
