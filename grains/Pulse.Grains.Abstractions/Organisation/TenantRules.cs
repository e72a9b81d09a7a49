using Pulse.Templates;

namespace Pulse.Organisation;

/// <summary>
/// An immutable snapshot of a tenant's organisation and rules. <see cref="Version"/> grows with every change, so a
/// reader can tell a stale copy. <see cref="Templates"/> holds every published version of every template.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.tenant-rules")]
public sealed record TenantRules(
    [property: Id(0)] long Version,
    [property: Id(1)] TenantSettings Settings,
    [property: Id(2)] EventTypeDefinition[] EventTypes,
    [property: Id(3)] Department[] Departments,
    [property: Id(4)] Employee[] Employees,
    [property: Id(5)] KpiTemplate[] Templates);
