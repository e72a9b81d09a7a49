namespace Pulse.Storage;

/// <summary>
/// Runs a store's set-up exactly once however many callers race to it; a set-up that fails is tried again by the
/// next caller instead of leaving the store half-ready.
/// </summary>
internal sealed class InitializeOnce : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _done;

    public bool Done => _done;

    public async Task RunAsync(Func<CancellationToken, Task> initialize, CancellationToken cancellationToken = default)
    {
        if (_done) return;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_done) return;
            await initialize(cancellationToken);
            _done = true;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
