using Pulse.Events;

namespace Pulse.EventLog;

/// <summary>An event as committed: <see cref="Seq"/> is its 1-based position in its employee's stream.</summary>
public sealed record StoredEvent(long Seq, BusinessEvent Event, string Period, DateTimeOffset RecordedAt);
