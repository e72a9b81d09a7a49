using System.Collections.Concurrent;

namespace Pulse.EventLog;

/// <summary>
/// Threads of the group committer's own. Its writers do their database I/O synchronously (see
/// <see cref="PostgresAppendWriter"/>), and on the thread pool of a two-core silo, where the pool keeps two or three
/// threads, two commits in flight left one thread, or none, for every request and grain turn meanwhile. On these
/// threads a commit blocks only itself.
/// </summary>
internal sealed class CommitThreads : TaskScheduler, IDisposable
{
    [ThreadStatic] private static CommitThreads? t_current;

    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Thread[] _threads;
    private int _disposed;

    public CommitThreads(int count, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"{name} {i + 1}" };
            _threads[i].Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    protected override void QueueTask(Task task) => _tasks.Add(task);

    // Inline only on a thread of this set: anything else would run commit work on the caller's thread.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        t_current == this && !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    private void Run()
    {
        t_current = this;
        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    /// <summary>Lets the threads finish what is queued and end. Call once nothing will be scheduled any more.</summary>
    /// <remarks>The queue itself is left to the finaliser: a thread may still be leaving its loop over it.</remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _tasks.CompleteAdding();
    }
}
