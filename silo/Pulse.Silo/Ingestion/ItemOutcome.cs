using System.Text.Json.Serialization;
using Pulse.Events;

namespace Pulse.Silo.Ingestion;

/// <summary>One item's fate. <see cref="Field"/> and <see cref="Reason"/> say why an item was rejected.</summary>
public sealed record ItemOutcome(
    int Index,
    string? Id,
    EventOutcome Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);
