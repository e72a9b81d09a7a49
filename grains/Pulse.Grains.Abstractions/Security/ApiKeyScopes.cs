namespace Pulse.Security;

/// <summary>What an integration key may do. A key acts for exactly one tenant.</summary>
public static class ApiKeyScopes
{
    /// <summary>Post business events.</summary>
    public const string EventsWrite = "events:write";

    /// <summary>Read every employee's and department's performance of the tenant (e.g. a BI export).</summary>
    public const string PerformanceRead = "performance:read";

    /// <summary>Read the organisation (departments, employees, event types, templates).</summary>
    public const string OrganisationRead = "organisation:read";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { EventsWrite, PerformanceRead, OrganisationRead };
}
