namespace Pulse.Reviews;

/// <summary>
/// Which archived rows to read: the months <paramref name="FromPeriod"/> to <paramref name="ToPeriod"/> (inclusive,
/// <c>yyyy-MM</c>), narrowed to the departments the rows were in at the time, or to one employee.
/// </summary>
public sealed record ArchiveQuery(string FromPeriod, string ToPeriod, IReadOnlyCollection<string>? DepartmentIds = null, string? EmployeeId = null)
{
    /// <summary>Every row of one month.</summary>
    public static ArchiveQuery Month(string period) => new(period, period);
}
