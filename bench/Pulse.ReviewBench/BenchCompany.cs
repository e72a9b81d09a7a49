using Pulse.Organisation;
using Pulse.Silo.Demo;

namespace Pulse.ReviewBench;

/// <summary>
/// The seed company with a general manager (H001) at the head office: the department heads B001, O001 and T001 are
/// rated by a manager above them, so every review of the month can be completed through the API. H001's department
/// has no template, so H001 is not reviewed.
/// </summary>
public static class BenchCompany
{
    public const string HeadOffice = "hq";
    public const string GeneralManager = "H001";

    public static OrganisationDocument Document(int employees)
    {
        var seed = DemoCompany.Document(employees);
        return seed with
        {
            Departments = [.. seed.Departments!.Select(d => d.Id == HeadOffice ? d with { ManagerIds = [GeneralManager] } : d)],
            Employees = [.. seed.Employees!, new Employee(GeneralManager, "总经理", HeadOffice, "总经理", 0m, null, true)],
        };
    }

    /// <summary>Who rates an employee: their department's head, or the general manager for the heads themselves.</summary>
    public static string RaterOf(Employee employee) =>
        employee.Id.EndsWith("001", StringComparison.Ordinal) ? GeneralManager : employee.Id[0] + "001";

    /// <summary>The one rated indicator of the employee's template.</summary>
    public static string RatedIndicatorOf(Employee employee) => employee.DepartmentId == DemoCompany.Technology ? "teamwork" : "attitude";
}
