using Pulse.Organisation;
using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// Who rates whom, and the group a forced distribution per department counts someone in, on a small organisation:
/// 总部 (no manager; H001 in it) above 业务部 (B001) with 北区 (B002) below it, and 运营部 (O001).
/// </summary>
public sealed class ReviewOrganisationRulesTests
{
    private static readonly CompiledRules Rules = new(new TenantRules(1, DemoCompany.Settings("t"), DemoCompany.EventTypes(),
        [
            new Department("hq", "总部"),
            new Department("biz", "业务部", "hq", ["B001"]),
            new Department("biz-north", "北区", "biz", ["B002"]),
            new Department("ops", "运营部", "hq", ["O001"]),
        ],
        [
            new Employee("H001", "总部职员", "hq"), new Employee("B001", "业务部经理", "biz"), new Employee("B002", "北区主管", "biz-north"),
            new Employee("B003", "北区员工", "biz-north"), new Employee("B004", "业务部员工", "biz"), new Employee("O001", "运营部经理", "ops"),
        ],
        []));

    [Theory]
    [InlineData("B003", "biz-north", "B002")]   // their own department's manager
    [InlineData("B002", "biz-north", "B001")]   // a head is rated by the manager of the department above
    [InlineData("B004", "biz", "B001")]
    [InlineData("B001", "biz", "")]             // nobody above: 总部 has no manager
    [InlineData("O001", "ops", "")]
    [InlineData("H001", "hq", "")]              // in the root itself
    public void The_nearest_manager_above_rates_and_nobody_above_means_hr(string employeeId, string departmentId, string raters)
    {
        Assert.Equal(raters, string.Join(",", Rules.RatersOf(employeeId, departmentId)));
        Assert.Equal(raters.Length == 0, Rules.IsRatedByHr(employeeId));
    }

    [Theory]
    [InlineData("biz-north", "biz")]
    [InlineData("biz", "biz")]
    [InlineData("ops", "ops")]
    [InlineData("hq", "hq")]                    // people directly in the root form their own group with it
    [InlineData("gone", "gone")]
    public void A_distribution_per_department_counts_in_the_top_level_department(string departmentId, string group) =>
        Assert.Equal(group, Rules.TopLevelDepartmentOf(departmentId));
}
