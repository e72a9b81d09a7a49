namespace Pulse.DashboardBench;

/// <summary>What one connection watches: a department (<c>watchDepartment</c>) or an employee (<c>watchEmployee</c>).</summary>
public sealed record WatchScope(string Method, string Id, string UserName, int[] ExpectedEmployees);
