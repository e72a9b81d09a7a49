namespace Pulse.Security;

/// <summary>
/// What a user may do: an employee sees themself; a manager the departments they manage (children included);
/// HR the whole tenant; an admin runs tenant settings, users and API keys.
/// </summary>
[GenerateSerializer]
public enum Role
{
    Employee,
    Manager,
    Hr,
    Admin,
}
