namespace Pulse.EventLog;

public enum AppendStatus
{
    Committed,

    /// <summary>The stream has moved past the expected position: the writer must catch up from the log and retry.</summary>
    StreamConflict,
}
