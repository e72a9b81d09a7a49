using System.Collections.Concurrent;

namespace Pulse.LoadGenerator;

/// <summary>Counts failures by kind across workers.</summary>
public sealed class ErrorTally
{
    private readonly ConcurrentDictionary<string, long> _kinds = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(string kind)
    {
        Interlocked.Increment(ref _total);
        _kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_kinds, StringComparer.Ordinal);
}
