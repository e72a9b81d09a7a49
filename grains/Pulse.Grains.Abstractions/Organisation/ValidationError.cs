namespace Pulse.Organisation;

/// <summary>One reason a change was refused. <see cref="Item"/> names the offending item as a JSON path, e.g. <c>templates[0].sections[1].weight</c>.</summary>
[GenerateSerializer, Immutable, Alias("pulse.validation-error")]
public sealed record ValidationError(
    [property: Id(0)] string Item,
    [property: Id(1)] string Reason);
