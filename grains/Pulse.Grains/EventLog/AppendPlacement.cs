namespace Pulse.EventLog;

/// <summary>Where the group committer can put an append that follows a previous one of the same writer.</summary>
internal enum AppendPlacement
{
    /// <summary>The previous append has settled: number from its outcome.</summary>
    AfterSettled,

    /// <summary>The previous append is in the batch being formed: follow it there.</summary>
    SameBatch,

    /// <summary>The previous append is in flight in another batch: this one waits for it.</summary>
    Parked,
}
