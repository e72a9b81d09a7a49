using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pulse.EventLog;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.EventLog;

/// <summary>The contract against a real PostgreSQL server; each test gets a schema of its own.</summary>
public sealed class PostgresEventLogTests(PostgresServer server) : EventLogContractTests
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    protected override IEventLog OpenStore() => new PostgresEventLog(
        Options.Create(new PostgresEventLogOptions { ConnectionString = server.ConnectionString, Schema = _schema }),
        NullLogger<PostgresEventLog>.Instance,
        TimeProvider.System);
}
