namespace Pulse.WebDashboard.Hub;

/// <summary>What <c>teamChanged</c> pushes to a department's group: the newest rows of members in that department's view, coalesced.</summary>
public sealed record TeamDelta(string DepartmentId, TeamRow[] Rows);
