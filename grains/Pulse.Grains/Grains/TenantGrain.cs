using Pulse.Organisation;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains;

/// <summary>
/// Owns a tenant's organisation and rules. Every change is validated as a whole against the resulting
/// organisation and written once; readers get immutable snapshots tagged with a growing version.
/// </summary>
public sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Organisation)] IPersistentState<TenantState> state,
    TimeProvider clock) : Grain, ITenantGrain
{
    /// <summary>A tenant created before the directory existed is recorded the first time its grain wakes (recording is idempotent).</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Rules is not null) await GrainFactory.GetGrain<ITenantDirectoryGrain>(0).RegisterAsync(this.GetPrimaryKeyString());
    }

    public async Task<ChangeResult> CreateAsync(TenantSettings settings)
    {
        if (state.State.Rules is not null) return ChangeResult.Refused(new ValidationError("tenantId", $"tenant '{settings.TenantId}' already exists"));
        if (settings.TenantId != this.GetPrimaryKeyString()) return ChangeResult.Refused(new ValidationError("tenantId", "does not match the tenant addressed"));
        var errors = TenantSettingsValidator.Validate(settings);
        if (errors.Length > 0) return ChangeResult.Refused(errors);
        state.State.Rules = new TenantRules(1, settings, [], [], [], []);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ITenantDirectoryGrain>(0).RegisterAsync(settings.TenantId);
        return new ChangeResult(true, 1, [], []);
    }

    public async Task<ChangeResult> UpdateSettingsAsync(TenantSettings settings)
    {
        if (state.State.Rules is not { } rules) return NotFound();
        settings = settings with { TenantId = rules.Settings.TenantId };
        var errors = TenantSettingsValidator.Validate(settings);
        if (errors.Length > 0) return ChangeResult.Refused(errors);
        return await CommitAsync(rules with { Version = rules.Version + 1, Settings = settings }, []);
    }

    public Task<ChangeResult> ImportAsync(OrganisationDocument document) => ChangeAsync(model =>
    {
        Each(document.EventTypes, "eventTypes", model.PutEventType);
        Each(document.Departments, "departments", model.PutDepartment);
        Each(document.Employees, "employees", model.PutEmployee);
        Each(document.Templates, "templates", model.DraftTemplate);
    });

    public Task<ChangeResult> PutEventTypeAsync(EventTypeDefinition eventType) => ChangeAsync(model => model.PutEventType(eventType, "eventType"));

    public Task<ChangeResult> PutDepartmentAsync(Department department) => ChangeAsync(model => model.PutDepartment(department, "department"));

    public Task<ChangeResult> PutEmployeesAsync(Employee[] employees) => ChangeAsync(model => Each(employees, "employees", model.PutEmployee));

    public Task<ChangeResult> PublishTemplateAsync(KpiTemplate template) => ChangeAsync(model => model.DraftTemplate(template, "template"));

    public Task<TenantRules?> GetRulesAsync() => Task.FromResult(state.State.Rules);

    private async Task<ChangeResult> ChangeAsync(Action<OrganisationModel> change)
    {
        if (state.State.Rules is not { } rules) return NotFound();
        var model = new OrganisationModel(rules);
        change(model);
        var errors = model.Validate();
        if (errors.Length > 0) return ChangeResult.Refused(errors);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(rules.Settings.TimeZone);
        var now = clock.GetUtcNow();
        var changedTemplates = model.PendingTemplates.Select(p => p.Template.Id).ToHashSet(StringComparer.Ordinal);
        var next = rules with
        {
            Version = rules.Version + 1,
            EventTypes = model.EventTypeList,
            Departments = model.Departments,
            Employees = model.Employees,
            Templates = model.PublishPending(Period.Of(now, zone), now),
        };
        var compiled = new CompiledRules(next);
        var affected = changedTemplates.Count == 0
            ? []
            : next.Employees.Where(e => compiled.TemplateIdFor(e.DepartmentId) is { } id && changedTemplates.Contains(id)).Select(e => e.Id).ToArray();
        return await CommitAsync(next, affected);
    }

    private async Task<ChangeResult> CommitAsync(TenantRules next, string[] affected)
    {
        state.State.Rules = next;
        await state.WriteStateAsync();
        return new ChangeResult(true, next.Version, [], affected);
    }

    private ChangeResult NotFound() => ChangeResult.Refused(new ValidationError("tenant", $"tenant '{this.GetPrimaryKeyString()}' does not exist"));

    private static void Each<T>(T[]? items, string collection, Action<T, string> put)
    {
        if (items is null) return;
        for (var i = 0; i < items.Length; i++) put(items[i], $"{collection}[{i}]");
    }
}
