namespace Pulse.Tests.Infrastructure;

/// <summary>
/// The frame of a store's contract tests: one derived class per store engine opens instances over the same file or
/// database; the first is initialised before each test, and every instance opened is disposed after it.
/// </summary>
public abstract class StoreContractTests<TStore> : IAsyncLifetime
    where TStore : class
{
    private readonly List<TStore> _opened = [];

    /// <summary>The store each test starts with, initialised.</summary>
    protected TStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store instance over the same file or database each time it is called.</summary>
    protected abstract TStore OpenStore();

    /// <summary>Prepares a store for use (its schema).</summary>
    protected abstract Task InitializeStoreAsync(TStore store);

    public virtual async ValueTask InitializeAsync()
    {
        Store = Open();
        await InitializeStoreAsync(Store);
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await ((IAsyncDisposable)store).DisposeAsync(); // every store implementation is; its interface need not say so
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes <paramref name="store"/> now, before the test ends (to reopen the same file or database).</summary>
    protected async Task CloseAsync(TStore store)
    {
        _opened.Remove(store);
        await ((IAsyncDisposable)store).DisposeAsync();
    }

    /// <summary>Another instance over the same file or database, disposed after the test.</summary>
    protected TStore Open()
    {
        var store = OpenStore();
        _opened.Add(store);
        return store;
    }
}
