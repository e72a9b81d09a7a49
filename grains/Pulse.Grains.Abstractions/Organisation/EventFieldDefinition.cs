namespace Pulse.Organisation;

/// <summary>
/// A registered field of an event type. A number must lie within <see cref="Minimum"/>…<see cref="Maximum"/> and a
/// string be at most <see cref="MaxLength"/> characters; left out, the defaults of <see cref="FieldBounds"/> apply
/// (far beyond any real business value, yet far from where arithmetic overflows).
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.event-field")]
public sealed record EventFieldDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] FieldKind Kind,
    [property: Id(2)] bool Required = false,
    [property: Id(3)] decimal? Minimum = null,
    [property: Id(4)] decimal? Maximum = null,
    [property: Id(5)] int? MaxLength = null);
