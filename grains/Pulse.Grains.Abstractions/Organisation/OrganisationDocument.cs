using Pulse.Templates;

namespace Pulse.Organisation;

/// <summary>A whole organisation in one document: what an import takes and an export gives.</summary>
[GenerateSerializer, Immutable, Alias("pulse.organisation")]
public sealed record OrganisationDocument(
    [property: Id(0)] EventTypeDefinition[]? EventTypes = null,
    [property: Id(1)] KpiTemplate[]? Templates = null,
    [property: Id(2)] Department[]? Departments = null,
    [property: Id(3)] Employee[]? Employees = null);
