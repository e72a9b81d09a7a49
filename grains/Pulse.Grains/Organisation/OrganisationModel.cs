using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Organisation;

/// <summary>
/// A tenant's organisation as a change is applied to it: incoming items are checked one by one, then the whole
/// result is checked for consistency (references, cycles, templates against registered event types). A change is
/// applied only if both pass, so nothing is ever half-applied.
/// </summary>
public sealed class OrganisationModel
{
    private readonly Dictionary<string, EventTypeDefinition> _eventTypes;
    private readonly Dictionary<string, Department> _departments;
    private readonly Dictionary<string, Employee> _employees;
    private readonly Dictionary<string, List<KpiTemplate>> _templates;
    private readonly Dictionary<string, string> _origins = [];
    private readonly ValidationErrors _errors = new();

    public OrganisationModel(TenantRules rules)
    {
        _eventTypes = rules.EventTypes.ToDictionary(e => e.Type, StringComparer.Ordinal);
        _departments = rules.Departments.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _employees = rules.Employees.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _templates = rules.Templates.GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Version).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Templates drafted by this change, to be published after validation.</summary>
    public List<(string Path, KpiTemplate Template)> PendingTemplates { get; } = [];

    public IReadOnlyDictionary<string, EventTypeDefinition> EventTypes => _eventTypes;

    public void PutEventType(EventTypeDefinition? eventType, string path)
    {
        if (eventType is null) { _errors.Add(path, "is required"); return; }
        if (!Identifiers.IsEventType(eventType.Type)) { _errors.Add($"{path}.type", Identifiers.EventTypeRule); return; }
        var fields = eventType.Fields ?? [];
        CheckLength(eventType.Description, $"{path}.description", FieldBounds.MaxTextLength);
        if (fields.Length > 64) _errors.Add($"{path}.fields", "at most 64 fields");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var fieldPath = $"{path}.fields[{i}]";
            if (field is null) { _errors.Add(fieldPath, "is required"); continue; }
            EventFieldValidator.Check(field, fieldPath, _errors);
            if (Identifiers.IsItemId(field.Name) && !seen.Add(field.Name)) _errors.Add($"{fieldPath}.name", $"'{field.Name}' is defined twice");
        }
        _eventTypes[eventType.Type] = eventType with { Fields = fields };
        _origins[$"eventType:{eventType.Type}"] = path;
    }

    public void PutDepartment(Department? department, string path)
    {
        if (department is null) { _errors.Add(path, "is required"); return; }
        if (!Identifiers.IsItemId(department.Id)) { _errors.Add($"{path}.id", Identifiers.ItemRule); return; }
        if (string.IsNullOrWhiteSpace(department.Name)) _errors.Add($"{path}.name", "is required");
        CheckLength(department.Name, $"{path}.name", FieldBounds.MaxNameLength);
        if (department.ParentId == department.Id) _errors.Add($"{path}.parentId", "a department cannot be its own parent");
        _departments[department.Id] = department with { ManagerIds = department.ManagerIds ?? [] };
        _origins[$"department:{department.Id}"] = path;
    }

    public void PutEmployee(Employee? employee, string path)
    {
        if (employee is null) { _errors.Add(path, "is required"); return; }
        if (!Identifiers.IsItemId(employee.Id)) { _errors.Add($"{path}.id", Identifiers.ItemRule); return; }
        if (string.IsNullOrWhiteSpace(employee.Name)) _errors.Add($"{path}.name", "is required");
        CheckLength(employee.Name, $"{path}.name", FieldBounds.MaxNameLength);
        CheckLength(employee.Title, $"{path}.title", FieldBounds.MaxNameLength);
        var identities = employee.ChatIdentities ?? [];
        if (identities.Length > 16) _errors.Add($"{path}.chatIdentities", "at most 16 chat identities");
        for (var i = 0; i < identities.Length; i++) CheckLength(identities[i], $"{path}.chatIdentities[{i}]", FieldBounds.MaxNameLength);
        if (employee.PerformancePayBase < 0) _errors.Add($"{path}.performancePayBase", "must not be negative");
        else if (employee.PerformancePayBase > FieldBounds.DefaultMagnitude) _errors.Add($"{path}.performancePayBase", $"must be at most {FieldBounds.DefaultMagnitude:0}");
        _employees[employee.Id] = employee with { ChatIdentities = employee.ChatIdentities ?? [] };
        _origins[$"employee:{employee.Id}"] = path;
    }

    public void DraftTemplate(KpiTemplate? template, string path)
    {
        if (template is null) { _errors.Add(path, "is required"); return; }
        PendingTemplates.Add((path, template));
    }

    /// <summary>Checks the whole resulting organisation; returns every error found.</summary>
    public ValidationError[] Validate()
    {
        foreach (var (path, template) in PendingTemplates)
        {
            _errors.AddRange(TemplateValidator.Validate(template, _eventTypes, path));
        }

        var templateIds = new HashSet<string>(_templates.Keys, StringComparer.Ordinal);
        templateIds.UnionWith(PendingTemplates.Select(p => p.Template.Id).Where(id => id is not null));

        foreach (var department in _departments.Values)
        {
            var path = Origin("department", department.Id, "departments");
            if (department.ParentId is not null && !_departments.ContainsKey(department.ParentId))
                _errors.Add($"{path}.parentId", $"department '{department.ParentId}' does not exist");
            if (department.TemplateId is not null && !templateIds.Contains(department.TemplateId))
                _errors.Add($"{path}.templateId", $"template '{department.TemplateId}' does not exist");
            var managers = department.ManagerIds ?? [];
            for (var i = 0; i < managers.Length; i++)
            {
                if (!_employees.ContainsKey(managers[i]))
                    _errors.Add($"{path}.managerIds[{i}]", $"employee '{managers[i]}' does not exist");
            }
            if (HasCycle(department)) _errors.Add($"{path}.parentId", "the parent chain loops back to this department");
        }

        foreach (var employee in _employees.Values)
        {
            if (!_departments.ContainsKey(employee.DepartmentId))
                _errors.Add($"{Origin("employee", employee.Id, "employees")}.departmentId", $"department '{employee.DepartmentId}' does not exist");
        }

        return _errors.ToArray();
    }

    public Department[] Departments => [.. _departments.Values.OrderBy(d => d.Id, StringComparer.Ordinal)];

    public Employee[] Employees => [.. _employees.Values.OrderBy(e => e.Id, StringComparer.Ordinal)];

    public EventTypeDefinition[] EventTypeList => [.. _eventTypes.Values.OrderBy(e => e.Type, StringComparer.Ordinal)];

    /// <summary>Every version of every template, the pending ones published with the next version numbers.</summary>
    public KpiTemplate[] PublishPending(string effectiveFrom, DateTimeOffset now)
    {
        foreach (var (_, template) in PendingTemplates)
        {
            var versions = _templates.TryGetValue(template.Id, out var list) ? list : _templates[template.Id] = [];
            var next = versions.Count == 0 ? 1 : versions[^1].Version + 1;
            versions.Add(template with { Version = next, EffectiveFrom = effectiveFrom, PublishedAt = now });
        }
        return [.. _templates.Values.SelectMany(v => v).OrderBy(t => t.Id, StringComparer.Ordinal).ThenBy(t => t.Version)];
    }

    private void CheckLength(string? value, string path, int max)
    {
        if (value is not null && value.Length > max) _errors.Add(path, $"must be at most {max} characters");
    }

    private string Origin(string kind, string id, string collection) =>
        _origins.TryGetValue($"{kind}:{id}", out var path) ? path : $"{collection}['{id}']";

    private bool HasCycle(Department start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var current = start.ParentId;
        while (current is not null && _departments.TryGetValue(current, out var parent))
        {
            if (!seen.Add(current)) return current == start.Id;
            current = parent.ParentId;
        }
        return false;
    }
}
