using Microsoft.AspNetCore.Authorization;
using Pulse.Security;

namespace Pulse.Silo.Security;

/// <summary>An endpoint's need: a permission, and for resource-bound ones the route value that names the resource.</summary>
public sealed record PermissionRequirement(Permission Permission, string? RouteValue) : IAuthorizationRequirement;
