using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pulse.EventLog;

namespace Pulse.Tests.EventLog;

public sealed class SqliteEventLogTests : EventLogContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-sqlite-" + Guid.NewGuid().ToString("N"));

    // A nested path proves the store creates its directory.
    protected override IEventLog OpenStore() => new SqliteEventLog(
        Options.Create(new SqliteEventLogOptions { Path = Path.Combine(_folder, "log", "events.db") }),
        NullLogger<SqliteEventLog>.Instance,
        TimeProvider.System);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
