using Pulse.Live;
using Pulse.Performance;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// What the server pushes to a dashboard. SignalR sends a typed client's method name as it is, so the names are the
/// contract's camelCase wire names: a .NET client matches them exactly, the JavaScript client in any case.
/// </summary>
#pragma warning disable IDE1006 // wire names, not C# names
public interface IDashboardClient
{
    /// <summary>An employee's newest full scorecard, to the employee's own group only; coalesced, newest per employee.</summary>
    Task employeesChanged(EmployeeLine[] lines);

    /// <summary>The newest team rows of a department's members, to the department's group; coalesced, newest per employee.</summary>
    Task teamChanged(TeamDelta delta);

    /// <summary>The newest aggregates of departments in the group's scope; coalesced, newest per department.</summary>
    Task departmentsChanged(DepartmentPerformance[] departments);

    /// <summary>An alert crossing, sent at once.</summary>
    Task alertRaised(LiveAlert alert);

    /// <summary>Feedback given or answered, sent at once.</summary>
    Task feedbackChanged(LiveFeedback feedback);
}
#pragma warning restore IDE1006
