namespace Pulse.Organisation;

[GenerateSerializer, Immutable, Alias("pulse.event-field")]
public sealed record EventFieldDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] FieldKind Kind,
    [property: Id(2)] bool Required = false);
