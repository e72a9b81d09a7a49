using Pulse.Templates;

namespace Pulse.Organisation;

/// <summary>
/// Lookups over one <see cref="TenantRules"/> snapshot, built once per version and shared by every grain and request
/// of the silo: which event types and employees exist, which template applies to whom and for which period.
/// </summary>
public sealed class CompiledRules
{
    private readonly Dictionary<string, Department> _departments;
    private readonly Dictionary<string, KpiTemplate[]> _templateVersions;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<string>> _managed = new(StringComparer.Ordinal);

    public CompiledRules(TenantRules rules)
    {
        Rules = rules;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(rules.Settings.TimeZone);
        EventTypes = rules.EventTypes.ToDictionary(e => e.Type, StringComparer.Ordinal);
        Employees = rules.Employees.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _departments = rules.Departments.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _templateVersions = rules.Templates.GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Version).ToArray(), StringComparer.Ordinal);
    }

    public TenantRules Rules { get; }

    public long Version => Rules.Version;

    public string TenantId => Rules.Settings.TenantId;

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyDictionary<string, EventTypeDefinition> EventTypes { get; }

    public IReadOnlyDictionary<string, Employee> Employees { get; }

    public Department? FindDepartment(string id) => _departments.GetValueOrDefault(id);

    /// <summary>The department and its ancestors, nearest first.</summary>
    public IEnumerable<Department> SelfAndAncestors(string departmentId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = FindDepartment(departmentId); current is not null && seen.Add(current.Id); current = current.ParentId is null ? null : FindDepartment(current.ParentId))
        {
            yield return current;
        }
    }

    /// <summary>Employees of the department and of every department below it.</summary>
    public IEnumerable<Employee> MembersOf(string departmentId) =>
        Rules.Employees.Where(e => SelfAndAncestors(e.DepartmentId).Any(d => d.Id == departmentId));

    /// <summary>
    /// The departments an employee manages — those naming them among their managers — and every department below
    /// those. Computed once per rules version and employee.
    /// </summary>
    public IReadOnlySet<string> ManagedDepartments(string employeeId) => _managed.GetOrAdd(employeeId, id =>
    {
        var roots = Rules.Departments.Where(d => d.ManagerIds?.Contains(id) == true).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return Rules.Departments.Where(d => SelfAndAncestors(d.Id).Any(a => roots.Contains(a.Id))).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
    });

    /// <summary>
    /// Who rates a person in a review: the managers of the nearest department up the chain (theirs first) that has
    /// managers other than the person themself. Empty when nobody is above them — a head of a department under a root
    /// without managers, or someone in such a root — and then HR rates them.
    /// </summary>
    public string[] RatersOf(string employeeId, string departmentId) =>
        SelfAndAncestors(departmentId)
            .Select(d => (d.ManagerIds ?? []).Where(m => m != employeeId).ToArray())
            .FirstOrDefault(m => m.Length > 0) ?? [];

    /// <summary>True when nobody in the organisation is above the person to rate them, so HR rates them (see <see cref="RatersOf"/>).</summary>
    public bool IsRatedByHr(string employeeId) =>
        Employees.TryGetValue(employeeId, out var employee) && RatersOf(employeeId, employee.DepartmentId).Length == 0;

    /// <summary>
    /// The top-level department a department belongs to: the root's child on its chain (业务部 for a team under 业务部),
    /// or the root itself for the root. A forced distribution per department counts each of these on its own, so the
    /// people directly in the root form their own group with it.
    /// </summary>
    public string TopLevelDepartmentOf(string departmentId)
    {
        string[] chain = [.. SelfAndAncestors(departmentId).Select(d => d.Id)];
        return chain.Length switch
        {
            0 => departmentId,
            1 => chain[0],
            _ => chain[^2],
        };
    }

    /// <summary>The template id of the nearest department up the chain that has one.</summary>
    public string? TemplateIdFor(string departmentId) =>
        SelfAndAncestors(departmentId).Select(d => d.TemplateId).FirstOrDefault(t => t is not null);

    /// <summary>
    /// The version of a template that governs <paramref name="period"/>: the newest one effective at or before it,
    /// else the oldest (a period before the first version is scored by the first).
    /// </summary>
    public KpiTemplate? TemplateFor(string templateId, string period)
    {
        if (!_templateVersions.TryGetValue(templateId, out var versions) || versions.Length == 0) return null;
        var governing = versions.LastOrDefault(v => string.CompareOrdinal(v.EffectiveFrom ?? "", period) <= 0);
        return governing ?? versions[0];
    }

    public KpiTemplate? TemplateForEmployee(string employeeId, string period) =>
        Employees.TryGetValue(employeeId, out var employee) && TemplateIdFor(employee.DepartmentId) is { } id ? TemplateFor(id, period) : null;
}
