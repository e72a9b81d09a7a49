using Pulse.Chat;
using Pulse.Organisation;
using Pulse.Security;

namespace Pulse.Bot.Proactive;

/// <summary>One tenant's rules and its enabled accounts, by linked employee: who a notice about an employee may concern.</summary>
public sealed class TenantDirectory
{
    private readonly Dictionary<string, Department> _departments;
    private readonly ILookup<string, NoticeRecipient> _byEmployee;

    public TenantDirectory(TenantRules rules, IEnumerable<UserView> users)
    {
        Rules = rules;
        _departments = rules.Departments.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var tenantId = rules.Settings.TenantId;
        Everyone = [.. users
            .Where(u => !u.Disabled)
            .Select(u => new NoticeRecipient(
                new ChatUser(tenantId, u.UserName, u.EmployeeId),
                new Caller(tenantId, u.UserName, CallerKind.User, u.Roles, u.EmployeeId, [])))];
        _byEmployee = Everyone.Where(r => r.User.EmployeeId is not null).ToLookup(r => r.User.EmployeeId!, StringComparer.Ordinal);
    }

    public TenantRules Rules { get; }

    /// <summary>Every enabled account, linked to an employee or not.</summary>
    public IReadOnlyList<NoticeRecipient> Everyone { get; }

    /// <summary>The accounts linked to the employee, then those linked to a manager of any of the departments; each once.</summary>
    public IReadOnlyList<NoticeRecipient> Candidates(string employeeId, IEnumerable<string> departmentIds)
    {
        var managers = departmentIds
            .Select(id => _departments.GetValueOrDefault(id))
            .SelectMany(d => d?.ManagerIds ?? []);
        return [.. _byEmployee[employeeId].Concat(managers.SelectMany(m => _byEmployee[m])).DistinctBy(r => r.User.UserName, StringComparer.Ordinal)];
    }
}
