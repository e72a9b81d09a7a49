using System.Buffers;
using System.IO.Pipelines;

namespace Pulse.Silo.Problems;

/// <summary>
/// The connection's output as Kestrel sees it: each chunk Kestrel writes is looked at before it is committed, and a bare
/// refusal (<see cref="ServerRefusal"/>) is replaced by its problem document. Kestrel writes such a refusal as one
/// small chunk and then closes the connection; every other chunk is committed as written, with no copy.
/// </summary>
public sealed class ServerRefusalWriter(PipeWriter inner) : PipeWriter
{
    private Memory<byte> _lent;

    public override Memory<byte> GetMemory(int sizeHint = 0) => _lent = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => (_lent = inner.GetMemory(sizeHint)).Span;

    public override void Advance(int bytes)
    {
        var answer = bytes > 0 && bytes <= _lent.Length ? ServerRefusal.Rewrite(_lent.Span[..bytes]) : null;
        _lent = default;
        if (answer is null)
        {
            inner.Advance(bytes);
            return;
        }

        // The refusal's bytes are left uncommitted (a writer may lend the same memory again) and the answer goes instead.
        inner.Write(answer);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;
}
