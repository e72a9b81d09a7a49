using Pulse.Tests.Infrastructure;

// One PostgreSQL server serves the whole test run.
[assembly: AssemblyFixture(typeof(PostgresServer))]
