using Pulse.Audit;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Templates;

namespace Pulse.Services;

/// <summary>
/// The one path by which a tenant's organisation changes, whoever asks (the API, the demo seeder, the dashboard hub,
/// the chat bot): the caller's permission; the change validated whole on the tenant grain and applied whole or not at
/// all; this silo's rules copy refreshed; the audit trail, item by item, naming the caller; and the employees whose
/// template changed recomputed from the log — all before the answer goes out.
/// </summary>
public sealed class OrganisationChanges(IGrainFactory grains, TenantRulesProvider rulesProvider, AuditTrail audit)
{
    public Task<Answer<ChangeSummary>> UpdateSettingsAsync(CallerContext context, TenantSettings settings) =>
        ApplyAsync(context, Permission.TenantWrite, t => t.UpdateSettingsAsync(settings));

    public Task<Answer<ChangeSummary>> ImportAsync(CallerContext context, OrganisationDocument document) =>
        ApplyAsync(context, Permission.OrganisationWrite, t => t.ImportAsync(document));

    public Task<Answer<ChangeSummary>> PutEventTypeAsync(CallerContext context, EventTypeDefinition eventType) =>
        ApplyAsync(context, Permission.OrganisationWrite, t => t.PutEventTypeAsync(eventType));

    public Task<Answer<ChangeSummary>> PutDepartmentAsync(CallerContext context, Department department) =>
        ApplyAsync(context, Permission.OrganisationWrite, t => t.PutDepartmentAsync(department));

    public Task<Answer<ChangeSummary>> PutEmployeesAsync(CallerContext context, Employee[] employees) =>
        ApplyAsync(context, Permission.OrganisationWrite, t => t.PutEmployeesAsync(employees));

    public Task<Answer<ChangeSummary>> PublishTemplateAsync(CallerContext context, KpiTemplate template) =>
        ApplyAsync(context, Permission.TemplatesWrite, t => t.PublishTemplateAsync(template));

    private async Task<Answer<ChangeSummary>> ApplyAsync(CallerContext context, Permission permission, Func<ITenantGrain, Task<ChangeResult>> change)
    {
        if (!context.Allows(permission)) return Answers.Forbidden<ChangeSummary>();
        var tenantId = context.TenantId;
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        // Read afresh, not from the context's copy (up to a second old): the audit's 'before' must be exact.
        var before = await tenant.GetRulesAsync();
        var result = await change(tenant);
        if (!result.Applied) return Answers.Invalid<ChangeSummary>(result.Errors);
        rulesProvider.Invalidate(tenantId);
        if (await tenant.GetRulesAsync() is { } after) await audit.RecordChangesAsync(context.Caller, before, after);
        await Task.WhenAll(result.AffectedEmployees.Select(id =>
            grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, id)).RecomputeAsync(result.Version)));
        return Answers.Ok<ChangeSummary>(new ChangeSummary(result.Version, result.AffectedEmployees.Length));
    }
}
