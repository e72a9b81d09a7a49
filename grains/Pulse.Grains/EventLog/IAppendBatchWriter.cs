namespace Pulse.EventLog;

/// <summary>
/// Commits a batch of appends in one database transaction. Used only by the <see cref="GroupCommitter"/> loop, so an
/// implementation may keep a single connection and reuse prepared commands without locking.
/// </summary>
internal interface IAppendBatchWriter : IAsyncDisposable
{
    /// <summary>
    /// Applies the appends in order inside one transaction and returns one result per append, in the same order.
    /// Throws (with everything rolled back) if the transaction cannot commit, e.g. on a constraint violation caused by
    /// another writer.
    /// </summary>
    Task<AppendResult[]> CommitAsync(IReadOnlyList<StreamAppend> batch, CancellationToken cancellationToken);
}
