using Pulse.Security;

namespace Pulse.Silo.Apis;

/// <summary>Changes to a user; a field left out stays as it is.</summary>
public sealed record UserUpdate(Role[]? Roles = null, string? EmployeeId = null, bool? Disabled = null);
