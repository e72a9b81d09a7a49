using Pulse.WebDashboard.Hub;

namespace Pulse.Silo.Tests.Dashboard;

/// <summary>The broadcaster pushes only to groups with members here; the counts must follow joins, leaves and disconnects exactly.</summary>
public sealed class DashboardGroupsTests
{
    private readonly DashboardGroups _groups = new();

    [Fact]
    public void A_group_has_members_until_its_last_connection_leaves_or_goes()
    {
        Assert.True(_groups.Join("c1", "department:t/biz"));
        Assert.False(_groups.Join("c1", "department:t/biz")); // watching again counts once
        Assert.True(_groups.Join("c2", "department:t/biz"));
        Assert.True(_groups.Join("c2", "employee:t/B002"));

        Assert.True(_groups.Leave("c1", "department:t/biz"));
        Assert.False(_groups.Leave("c1", "department:t/biz"));
        Assert.True(_groups.HasMembers("department:t/biz"));

        Assert.Equal(["department:t/biz", "employee:t/B002"], _groups.LeaveAll("c2").Order());
        Assert.False(_groups.HasMembers("department:t/biz"));
        Assert.False(_groups.HasMembers("employee:t/B002"));
        Assert.Empty(_groups.LeaveAll("c2"));
    }
}
