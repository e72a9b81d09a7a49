namespace Pulse.EventLog;

/// <summary>One employee's event stream inside one tenant.</summary>
public readonly record struct StreamId(string TenantId, string EmployeeId);
