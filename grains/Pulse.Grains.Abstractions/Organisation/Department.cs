namespace Pulse.Organisation;

/// <summary>A department; departments nest through <see cref="ParentId"/>.</summary>
[GenerateSerializer, Immutable, Alias("pulse.department")]
public sealed record Department(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? ParentId = null,
    [property: Id(3)] string[]? ManagerIds = null,
    [property: Id(4)] string? TemplateId = null);
