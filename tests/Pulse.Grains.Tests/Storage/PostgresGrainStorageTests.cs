using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Pulse.Storage;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Storage;

public sealed class PostgresGrainStorageTests(PostgresServer server) : GrainStorageContractTests, IAsyncDisposable
{
    private readonly string _schema = "grains_" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<PostgresGrainStorage> _opened = [];

    protected override IGrainStorage Open()
    {
        var options = new PostgresGrainStorageOptions { ConnectionString = server.ConnectionString, Schema = _schema, GrainStorageSerializer = Serializer() };
        var storage = new PostgresGrainStorage("test", options, NullLogger<PostgresGrainStorage>.Instance, Activators());
        _opened.Add(storage);
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _opened) await storage.DisposeAsync();
    }
}
