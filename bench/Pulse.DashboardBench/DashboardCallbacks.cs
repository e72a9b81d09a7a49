namespace Pulse.DashboardBench;

/// <summary>The hub's server-to-client callback names (the dashboard hub contract).</summary>
public static class DashboardCallbacks
{
    public const string EmployeesChanged = "employeesChanged";

    public static readonly string[] Others = ["departmentsChanged", "alertRaised", "feedbackChanged"];
}
