using Npgsql;
using NpgsqlTypes;

namespace Pulse.LoadGenerator;

/// <summary>
/// The traditional design the event log replaces: one database transaction per event that claims the event id
/// under a unique key and bumps the employee's running metrics row, committed synchronously. Statements are
/// prepared and sent in one round trip per transaction (plus the commit), which is the best case for this design.
/// </summary>
public static class BaselineLoad
{
    private const string Schema = "bench_baseline";

    public static async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Connection)
        {
            MaxPoolSize = Math.Max(options.Clients + 2, 10),
        };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var employees = Enumerable.Range(1, options.Employees).Select(i => $"E{i:0000}").ToArray();
        await CreateSchemaAsync(dataSource, options.Tenant, employees, cancellationToken);

        var clientGc = ClientGc.Start();
        var clock = new RunClock(options.Warmup, options.Seconds, options.Rate, 1);
        var runTag = Guid.NewGuid().ToString("N")[..10];
        var next = -1L;
        var limit = options.Events ?? long.MaxValue;
        var errors = new ErrorTally();
        var recorders = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToArray();
        var workers = recorders.Select((recorder, worker) => Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var setting = new NpgsqlCommand("SET synchronous_commit = on", connection))
            {
                await setting.ExecuteNonQueryAsync(cancellationToken);
            }

            var random = new Random(worker);
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"INSERT INTO {Schema}.events (tenant, event_id) VALUES ($1, $2)")
                    {
                        Parameters = { new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text }, new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text } },
                    },
                    new NpgsqlBatchCommand($"UPDATE {Schema}.metrics SET total = total + $3, count = count + 1 WHERE tenant = $1 AND employee = $2")
                    {
                        Parameters =
                        {
                            new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text },
                            new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text },
                            new NpgsqlParameter<decimal> { NpgsqlDbType = NpgsqlDbType.Numeric },
                        },
                    },
                },
            };
            await batch.PrepareAsync(cancellationToken);
            var insert = batch.BatchCommands[0].Parameters;
            var update = batch.BatchCommands[1].Parameters;

            long index;
            var counter = 0L;
            while (!clock.Expired && (index = Interlocked.Increment(ref next)) < limit)
            {
                await clock.PaceAsync(index, cancellationToken);
                if (clock.Expired) break;
                ((NpgsqlParameter<string>)insert[0]).TypedValue = options.Tenant;
                ((NpgsqlParameter<string>)insert[1]).TypedValue = $"{runTag}-{worker}-{counter++}";
                ((NpgsqlParameter<string>)update[0]).TypedValue = options.Tenant;
                ((NpgsqlParameter<string>)update[1]).TypedValue = employees[random.Next(employees.Length)];
                ((NpgsqlParameter<decimal>)update[2]).TypedValue = random.Next(20_000, 120_000);

                var started = clock.Now;
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    batch.Transaction = transaction;
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (PostgresException ex)
                {
                    errors.Add(ex.SqlState);
                    continue;
                }
                var finished = clock.Now;
                if (!clock.InWindow(started)) continue;
                clock.Completed(finished);
                recorder.Record(finished - started, 1);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);

        return new LoadReport("baseline", options.Clients, 1, options.Rate, clock.MeasuredSeconds,
            recorders.Sum(r => r.Events), recorders.Sum(r => r.Operations), LatencyRecorder.Merge(recorders),
            errors.Total, errors.Snapshot(), clientGc.Stop(), null, options.Json);
    }

    private static async Task CreateSchemaAsync(NpgsqlDataSource dataSource, string tenant, string[] employees, CancellationToken cancellationToken)
    {
        await using (var create = dataSource.CreateCommand($"""
            DROP SCHEMA IF EXISTS {Schema} CASCADE;
            CREATE SCHEMA {Schema};
            CREATE TABLE {Schema}.events (tenant text NOT NULL, event_id text NOT NULL, PRIMARY KEY (tenant, event_id));
            CREATE TABLE {Schema}.metrics (tenant text NOT NULL, employee text NOT NULL, total numeric NOT NULL DEFAULT 0,
                                           count bigint NOT NULL DEFAULT 0, PRIMARY KEY (tenant, employee));
            """))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var seed = dataSource.CreateCommand($"INSERT INTO {Schema}.metrics (tenant, employee) SELECT $1, unnest($2::text[])");
        seed.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        seed.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = employees });
        await seed.ExecuteNonQueryAsync(cancellationToken);
    }
}
