using Orleans.Concurrency;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Services;
using Pulse.Templates;

namespace Pulse.Grains;

/// <summary>
/// The door to <see cref="OrganisationChanges"/> for the dashboard hub and the chat bot: resolves the presented
/// caller (their account as it is now, their tenant's rules), then applies the change through the same service the
/// API uses.
/// </summary>
[StatelessWorker]
public sealed class OrganisationGrain(CallerResolver callers, OrganisationChanges changes) : Grain, IOrganisationGrain
{
    public Task<Answer<ChangeSummary>> UpdateSettingsAsync(Caller caller, TenantSettings settings) =>
        ApplyAsync(caller, context => changes.UpdateSettingsAsync(context, settings));

    public Task<Answer<ChangeSummary>> ImportAsync(Caller caller, OrganisationDocument document) =>
        ApplyAsync(caller, context => changes.ImportAsync(context, document));

    public Task<Answer<ChangeSummary>> PutEventTypeAsync(Caller caller, EventTypeDefinition eventType) =>
        ApplyAsync(caller, context => changes.PutEventTypeAsync(context, eventType));

    public Task<Answer<ChangeSummary>> PutDepartmentAsync(Caller caller, Department department) =>
        ApplyAsync(caller, context => changes.PutDepartmentAsync(context, department));

    public Task<Answer<ChangeSummary>> PutEmployeesAsync(Caller caller, Employee[] employees) =>
        ApplyAsync(caller, context => changes.PutEmployeesAsync(context, employees));

    public Task<Answer<ChangeSummary>> PublishTemplateAsync(Caller caller, KpiTemplate template) =>
        ApplyAsync(caller, context => changes.PublishTemplateAsync(context, template));

    private async Task<Answer<ChangeSummary>> ApplyAsync(Caller caller, Func<CallerContext, Task<Answer<ChangeSummary>>> change) =>
        caller.TenantId == this.GetPrimaryKeyString() && await callers.ResolveAsync(caller) is { } context
            ? await change(context)
            : Answers.Forbidden<ChangeSummary>();
}
