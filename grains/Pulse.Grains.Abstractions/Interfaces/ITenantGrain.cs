using Orleans.Concurrency;
using Pulse.Organisation;
using Pulse.Templates;

namespace Pulse.Grains;

/// <summary>A tenant's organisation and rules; keyed by tenant id. Every change is validated whole and applied whole.</summary>
[Alias("pulse.grain.tenant")]
public interface ITenantGrain : IGrainWithStringKey
{
    [Alias("create")]
    Task<ChangeResult> CreateAsync(TenantSettings settings);

    [Alias("update-settings")]
    Task<ChangeResult> UpdateSettingsAsync(TenantSettings settings);

    /// <summary>Merges the document into the organisation: items with a known id are replaced, new ones added.</summary>
    [Alias("import")]
    Task<ChangeResult> ImportAsync(OrganisationDocument document);

    [Alias("put-event-type")]
    Task<ChangeResult> PutEventTypeAsync(EventTypeDefinition eventType);

    [Alias("put-department")]
    Task<ChangeResult> PutDepartmentAsync(Department department);

    [Alias("put-employees")]
    Task<ChangeResult> PutEmployeesAsync(Employee[] employees);

    /// <summary>Publishes a new version of a template, effective from the open period; <see cref="ChangeResult.AffectedEmployees"/> are to be recomputed.</summary>
    [Alias("publish-template")]
    Task<ChangeResult> PublishTemplateAsync(KpiTemplate template);

    /// <summary>The current rules, or null if the tenant does not exist. Interleaves: it only hands out an immutable snapshot.</summary>
    [AlwaysInterleave, Alias("rules")]
    Task<TenantRules?> GetRulesAsync();
}
