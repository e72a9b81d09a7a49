using Pulse.Feedback;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Feedback;

/// <summary>The contract against a real PostgreSQL server; each test gets a schema of its own.</summary>
public sealed class PostgresFeedbackStoreTests(PostgresServer server) : FeedbackStoreContractTests
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    protected override IFeedbackStore OpenStore() => new PostgresFeedbackStore(server.ConnectionString, _schema);
}
