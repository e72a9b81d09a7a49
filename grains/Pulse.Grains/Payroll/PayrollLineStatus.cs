namespace Pulse.Payroll;

/// <summary>Where one employee's line stands with payroll.</summary>
public enum PayrollLineStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The payroll system accepted this content.</summary>
    Delivered,

    /// <summary>Refused, or out of attempts; sent again only by a new push or a changed endpoint.</summary>
    Failed,

    /// <summary>No longer among the cycle's lines (the last push left it out); never sent, and no retraction is sent.</summary>
    Withdrawn,
}
