using System.Diagnostics;

namespace Pulse.DashboardBench;

/// <summary>
/// What was sent, per employee: for each batch that held events of the employee, the employee's cumulative event
/// count once that batch is applied and the moment the batch was sent. A pushed line whose event count reaches an
/// entry's count completes that entry. Entries are appended under one lock in send order and published with a
/// volatile count, so connections read them without locking.
/// </summary>
public sealed class BatchLedger
{
    private readonly Entry[][] _entries;
    private readonly int[] _published;
    private readonly long[] _cumulative;
    private readonly Lock _sending = new();

    public BatchLedger(int employees, int maxBatches)
    {
        _entries = new Entry[employees][];
        for (var i = 0; i < employees; i++) _entries[i] = new Entry[maxBatches];
        _published = new int[employees];
        _cumulative = new long[employees];
    }

    /// <summary>Records a batch about to be posted: <paramref name="counts"/> holds (employee index, events) pairs.</summary>
    public void Sending(IReadOnlyList<(int Employee, int Events)> counts, bool measured)
    {
        lock (_sending)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var (employee, events) in counts)
            {
                _cumulative[employee] += events;
                var at = _published[employee];
                _entries[employee][at] = new Entry(_cumulative[employee], now, events, measured);
                Volatile.Write(ref _published[employee], at + 1);
            }
        }
    }

    public int Published(int employee) => Volatile.Read(ref _published[employee]);

    public ref readonly Entry At(int employee, int index) => ref _entries[employee][index];

    /// <summary>One batch's share of one employee's events.</summary>
    public readonly record struct Entry(long Required, long SentTimestamp, int Events, bool Measured);
}
