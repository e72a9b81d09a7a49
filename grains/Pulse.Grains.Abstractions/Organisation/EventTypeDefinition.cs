namespace Pulse.Organisation;

/// <summary>A registered business event type and its typed fields; anything else is rejected.</summary>
[GenerateSerializer, Immutable, Alias("pulse.event-type")]
public sealed record EventTypeDefinition(
    [property: Id(0)] string Type,
    [property: Id(1)] EventFieldDefinition[] Fields,
    [property: Id(2)] string? Description = null);
