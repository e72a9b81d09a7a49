namespace Pulse.EventLog;

/// <summary>
/// Another writer changed a stream or claimed an event id between our checks and our insert. The batch rolls back
/// and the group committer retries each append alone, which then sees the other writer's rows.
/// </summary>
internal sealed class ConcurrentAppendException(string message) : Exception(message);
