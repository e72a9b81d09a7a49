namespace Pulse.DashboardBench;

/// <summary>The hub's server-to-client callback names (the dashboard hub contract).</summary>
public static class DashboardCallbacks
{
    /// <summary>An employee's full scorecard, to the employee's own group.</summary>
    public const string EmployeesChanged = "employeesChanged";

    /// <summary>Compact team rows, to a department's group.</summary>
    public const string TeamChanged = "teamChanged";

    public static readonly string[] Others = ["departmentsChanged", "alertRaised", "feedbackChanged"];
}
