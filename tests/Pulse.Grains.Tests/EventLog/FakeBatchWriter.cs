using System.Collections.Concurrent;
using System.Threading.Channels;
using Pulse.EventLog;
using Pulse.Events;
using StreamId = Pulse.EventLog.StreamId;

namespace Pulse.Tests.EventLog;

/// <summary>
/// An in-memory batch writer for the group committer's own logic: it numbers appends as the stores do (stream heads,
/// ids once per tenant, the previous append in the batch), records every batch it is handed, and can hold commits
/// until the test releases them or fail any batch holding a chosen append (rolling the whole batch back).
/// </summary>
internal sealed class FakeBatchWriter : IAppendBatchWriter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<StreamId, List<string>> _streams = [];
    private readonly HashSet<(string Tenant, string Id)> _ids = [];
    private readonly Channel<HeldCommit> _held = Channel.CreateUnbounded<HeldCommit>();
    private readonly ConcurrentQueue<HeldCommit> _everHeld = new();
    private int _inFlight;
    private int _mostInFlight;

    /// <summary>While set, each commit waits until the test releases it (see <see cref="NextHeldAsync"/>).</summary>
    public bool Hold { get; set; }

    /// <summary>A batch holding an append this matches fails as a whole, as a constraint violation would.</summary>
    public Func<StreamAppend, bool> Fails { get; set; } = _ => false;

    /// <summary>Every batch handed to the writer, in the order handed.</summary>
    public ConcurrentQueue<StreamAppend[]> Batches { get; } = new();

    /// <summary>The most batches that were committing at the same time.</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    public async Task<AppendResult[]> CommitAsync(IReadOnlyList<StreamAppend> batch, CancellationToken cancellationToken)
    {
        var appends = batch.ToArray();
        Batches.Enqueue(appends);
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var most = MostInFlight; inFlight > most; most = MostInFlight)
        {
            Interlocked.CompareExchange(ref _mostInFlight, inFlight, most);
        }

        try
        {
            if (Hold)
            {
                var held = new HeldCommit(appends);
                _everHeld.Enqueue(held);
                _held.Writer.TryWrite(held);
                await held.Released;
            }

            if (appends.Any(Fails)) throw new InvalidOperationException("A constraint was violated.");
            lock (_lock) return Apply(appends);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The next commit the writer is holding.</summary>
    public async Task<HeldCommit> NextHeldAsync() =>
        await _held.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience);

    /// <summary>Stops holding and lets every held commit go.</summary>
    public void ReleaseAll()
    {
        Hold = false;
        foreach (var held in _everHeld) held.Release();
    }

    /// <summary>The ids a stream holds, in stream order.</summary>
    public IReadOnlyList<string> Stream(StreamId stream)
    {
        lock (_lock) return _streams.TryGetValue(stream, out var ids) ? [.. ids] : [];
    }

    private AppendResult[] Apply(StreamAppend[] batch)
    {
        var results = new AppendResult[batch.Length];
        var intact = new HashSet<StreamId>();
        for (var i = 0; i < batch.Length; i++)
        {
            var append = batch[i];
            var stream = _streams.TryGetValue(append.Stream, out var existing) ? existing : _streams[append.Stream] = [];
            long head = stream.Count;
            if (head != BatchPositions.ExpectedHead(append, head, intact))
            {
                intact.Remove(append.Stream);
                results[i] = AppendResult.Conflict;
                continue;
            }

            var appended = new List<StoredEvent>();
            var duplicates = new List<string>();
            foreach (var pending in append.Events)
            {
                if (!_ids.Add((append.Stream.TenantId, pending.Event.Id)))
                {
                    duplicates.Add(pending.Event.Id);
                    continue;
                }

                stream.Add(pending.Event.Id);
                appended.Add(new StoredEvent(stream.Count, pending.Event, pending.Period, DateTimeOffset.UnixEpoch));
            }

            intact.Add(append.Stream);
            results[i] = new AppendResult(AppendStatus.Committed, appended, duplicates) { Head = stream.Count };
        }

        return results;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static PendingEvent Event(string id, string employee) =>
        new(new BusinessEvent(id, "sale", employee, DateTimeOffset.UnixEpoch, "{}"), "1970-01");

    public static StreamAppend Append(StreamId stream, long expected, params string[] ids) =>
        new(stream, expected, [.. ids.Select(id => Event(id, stream.EmployeeId))]);

    internal sealed class HeldCommit(StreamAppend[] appends)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StreamAppend[] Appends { get; } = appends;

        public Task Released => _released.Task;

        public void Release() => _released.TrySetResult();
    }
}
