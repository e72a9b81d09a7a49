using Pulse.Performance;

namespace Pulse.WebDashboard.Hub;

/// <summary>What <c>watchDepartment</c> answers: the department's aggregates and every member with their scores, open period.</summary>
public sealed record DepartmentSnapshot(DepartmentPerformance Department, TeamMember[] Members, DateTimeOffset AsOf);
