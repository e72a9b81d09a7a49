using Pulse.Organisation;
using Pulse.Security;
using Pulse.Services;
using Pulse.Templates;

namespace Pulse.Grains;

/// <summary>
/// Changes to a tenant's organisation on behalf of a caller, for callers outside the silo's HTTP pipeline: the same
/// service the API and the demo use — permission, validation whole, audit trail, recomputation from the log. The
/// caller is passed as the credential presents it and judged by their account as it is now. Keyed by tenant id.
/// </summary>
[Alias("pulse.grain.organisation")]
public interface IOrganisationGrain : IGrainWithStringKey
{
    [Alias("update-settings")]
    Task<Answer<ChangeSummary>> UpdateSettingsAsync(Caller caller, TenantSettings settings);

    [Alias("import")]
    Task<Answer<ChangeSummary>> ImportAsync(Caller caller, OrganisationDocument document);

    [Alias("put-event-type")]
    Task<Answer<ChangeSummary>> PutEventTypeAsync(Caller caller, EventTypeDefinition eventType);

    [Alias("put-department")]
    Task<Answer<ChangeSummary>> PutDepartmentAsync(Caller caller, Department department);

    [Alias("put-employees")]
    Task<Answer<ChangeSummary>> PutEmployeesAsync(Caller caller, Employee[] employees);

    [Alias("publish-template")]
    Task<Answer<ChangeSummary>> PublishTemplateAsync(Caller caller, KpiTemplate template);
}
