using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Pulse.Storage;

namespace Pulse.Tests.Storage;

public sealed class SqliteGrainStorageTests : GrainStorageContractTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-grains-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteGrainStorage> _opened = [];

    protected override IGrainStorage Open()
    {
        var options = new SqliteGrainStorageOptions { Path = Path.Combine(_folder, "state", "grains.db"), GrainStorageSerializer = Serializer() };
        var storage = new SqliteGrainStorage("test", options, NullLogger<SqliteGrainStorage>.Instance, Activators());
        _opened.Add(storage);
        return storage;
    }

    [Fact]
    public void AddSqliteGrainStorage_registers_a_named_grain_storage_with_the_silos_serializer()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddSqliteGrainStorage("pulse", o => o.Path = Path.Combine(_folder, "registered.db")));
        using var host = builder.Build();

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("pulse");
        var options = host.Services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get("pulse");

        Assert.IsType<SqliteGrainStorage>(storage);
        Assert.NotNull(options.GrainStorageSerializer);
    }

    public void Dispose()
    {
        foreach (var storage in _opened)
        {
            storage.Dispose();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
