using Pulse.Events;

namespace Pulse.Silo.Ingestion;

/// <summary>An item read from a request: the event if it is valid, else the field and reason it was refused for.</summary>
public sealed record ParsedItem(int Index, string? Id, BusinessEvent? Event, string? Field, string? Reason);
