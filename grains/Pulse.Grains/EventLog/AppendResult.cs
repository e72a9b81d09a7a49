namespace Pulse.EventLog;

/// <summary>
/// The outcome of an append. When committed, <see cref="Appended"/> are the new events in stream order and
/// <see cref="DuplicateIds"/> the ids the tenant's log already held (or that repeated within the append).
/// </summary>
public sealed record AppendResult(AppendStatus Status, IReadOnlyList<StoredEvent> Appended, IReadOnlyList<string> DuplicateIds)
{
    public static AppendResult Conflict { get; } = new(AppendStatus.StreamConflict, [], []);

    /// <summary>When committed, the stream's last position after this append (where the writer's next one starts).</summary>
    public long Head { get; init; }
}
