namespace Pulse.Security;

/// <summary>Everything the API, the dashboard hub and the chat bot guard. Resource-bound permissions name their resource.</summary>
[GenerateSerializer]
public enum Permission
{
    /// <summary>The caller's own account: who am I, change my password.</summary>
    Self,

    TenantRead,
    TenantWrite,
    OrganisationRead,
    OrganisationWrite,
    TemplatesRead,
    TemplatesWrite,
    EventsWrite,

    /// <summary>One employee's scores, alerts and feedback (resource: employee id).</summary>
    EmployeePerformanceRead,

    /// <summary>One department's live aggregates (resource: department id).</summary>
    DepartmentPerformanceRead,

    OverviewRead,
    UsersManage,
    KeysManage,
    AuditRead,

    /// <summary>Give feedback or praise to one employee (resource: employee id): HR, or a manager of the employee's department or above; never to oneself.</summary>
    FeedbackGive,

    /// <summary>The tenant's outbound webhook targets and their deliveries: admins.</summary>
    WebhooksManage,

    /// <summary>
    /// Rate one employee's rated indicators in a review (resource: employee id): a manager of the employee's department
    /// or above; HR for the people nobody is above; never oneself.
    /// </summary>
    ReviewRate,

    /// <summary>Run the monthly review: the policy, calibration, approval, reopening, pay and payroll, imports: HR.</summary>
    ReviewManage,
}
