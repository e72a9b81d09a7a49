using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Pulse.Storage;

/// <summary>
/// One writer at a time per SQLite file, queued in this process: SQLite refuses a second writer as busy, and
/// Microsoft.Data.Sqlite then sleeps the thread before it retries (docs/benchmarks.md, second round).
/// Every Pulse store that writes a SQLite file takes that file's gate around its write transaction.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "Gates live as long as the process; a SemaphoreSlim whose wait handle is never asked for holds nothing to release.")]
internal sealed class SqliteWriteGate
{
    // One gate per file for the life of the process: a store opened twice on one file (a restart in tests, a second
    // instance) must share it. A gate is a few bytes and there is one per file used.
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public static SqliteWriteGate For(string path) => Gates.GetOrAdd(Path.GetFullPath(path), _ => new SqliteWriteGate());

    /// <summary>Runs a synchronous write, blocking the calling thread while another write holds the file.</summary>
    public T Run<T>(Func<T> write, CancellationToken cancellationToken)
    {
        _semaphore.Wait(cancellationToken);
        try
        {
            return write();
        }
        finally
        {
            _semaphore.Release();
        }
    }

    public async Task RunAsync(Func<Task> write, CancellationToken cancellationToken = default)
    {
        await _semaphore.WaitAsync(cancellationToken);
        try
        {
            await write();
        }
        finally
        {
            _semaphore.Release();
        }
    }
}
