using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Pulse.EventLog;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file on a thread of its own, a little at a
/// time, so the commit that crosses the log's checkpoint threshold finds almost nothing left to copy (that copy was
/// most of the SQLite tail latency: docs/benchmarks.md). A passive checkpoint takes no write lock, so commits go on
/// beside it; should these fall behind, the writer's own threshold still bounds the log.
/// </summary>
internal sealed partial class SqliteCheckpointer : IDisposable
{
    private readonly string _connectionString;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public SqliteCheckpointer(string connectionString, TimeSpan interval, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _connectionString = connectionString;
        _interval = interval;
        _logger = logger;

        // Checkpoints are blocking file I/O of tens of milliseconds: a thread of its own keeps them off the pool.
        _thread = new Thread(Run) { IsBackground = true, Name = "Pulse SQLite checkpointer" };
        _thread.Start();
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            while (!_stop.Token.WaitHandle.WaitOne(_interval))
            {
                try
                {
                    connection ??= Open();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    checkpoint.ExecuteNonQuery();
                }
                catch (Exception exception)
                {
                    // A busy or failed checkpoint loses nothing: the pages stay in the log and the next round (or the
                    // writer's own checkpoint) copies them. Start again on a fresh connection. Nothing may escape:
                    // an exception leaving this thread would end the process.
                    CheckpointFailed(_logger, (exception as SqliteException)?.SqliteErrorCode, exception);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        // Its own connection, outside the pool: a checkpoint must not wait for a pooled connection or hold one.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL;"; // the checkpoint syncs the database file before it counts
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Stops the thread after the checkpoint in progress, if any; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background checkpoint of the SQLite event log failed (SQLite error {Code}); the next one retries")]
    private static partial void CheckpointFailed(ILogger logger, int? code, Exception exception);
}
