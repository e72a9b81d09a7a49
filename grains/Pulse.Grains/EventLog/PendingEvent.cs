using Pulse.Events;

namespace Pulse.EventLog;

/// <summary>An event to append, with the period (<c>yyyy-MM</c> in the tenant's zone) its occurrence falls in.</summary>
public sealed record PendingEvent(BusinessEvent Event, string Period);
