namespace Pulse.EventLog;

/// <summary>Checks an append before it joins a batch, so a malformed one fails alone instead of failing a commit.</summary>
internal static class AppendValidation
{
    public static void Validate(StreamAppend append)
    {
        ArgumentNullException.ThrowIfNull(append);
        ArgumentException.ThrowIfNullOrEmpty(append.Stream.TenantId, "append.Stream.TenantId");
        ArgumentException.ThrowIfNullOrEmpty(append.Stream.EmployeeId, "append.Stream.EmployeeId");
        ArgumentOutOfRangeException.ThrowIfNegative(append.ExpectedSeq, "append.ExpectedSeq");
        foreach (var pending in append.Events)
        {
            var evt = pending.Event;
            ArgumentException.ThrowIfNullOrEmpty(evt.Id, "append.Events[].Event.Id");
            if (!string.Equals(evt.EmployeeId, append.Stream.EmployeeId, StringComparison.Ordinal))
            {
                throw new ArgumentException("Every event must belong to the stream's employee.", nameof(append));
            }
        }
    }
}
