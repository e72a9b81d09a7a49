using Pulse.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Grains;
using Pulse.Security;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Users and keys");
        group.MapGet("/", async (PulseRequest tenant, IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<IAccessGrain>(tenant.TenantId).ListUsersAsync()))
            .WithSummary("The tenant's user accounts").RequirePermission(Permission.UsersManage);
        group.MapPost("/", CreateAsync).WithSummary("Create a user account").RequirePermission(Permission.UsersManage);
        group.MapPut("/{userName}", UpdateAsync).WithSummary("Change a user's roles, linked employee or disabled flag").RequirePermission(Permission.UsersManage);
        group.MapPost("/{userName}/password", ResetAsync).WithSummary("Set a user's password (also clears a lockout)").RequirePermission(Permission.UsersManage);
        return group;
    }

    private static async Task<Results<Created<UserView>, ValidationProblem>> CreateAsync(NewUser user, PulseRequest tenant, IGrainFactory grains, AuditTrail audit)
    {
        var access = grains.GetGrain<IAccessGrain>(tenant.TenantId);
        var result = await access.CreateUserAsync(user);
        if (!result.Applied) return Problem.Invalid(result.Errors);
        var created = await access.GetUserAsync(user.UserName);
        await audit.RecordAsync(tenant.Caller, "user.create", user.UserName, null, created);
        return TypedResults.Created($"/api/v1/users/{user.UserName}", created!);
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(string userName, UserUpdate update, PulseRequest tenant, IGrainFactory grains, AuditTrail audit, AccountCache accounts)
    {
        var access = grains.GetGrain<IAccessGrain>(tenant.TenantId);
        var before = await access.GetUserAsync(userName);
        if (before is null) return Problem.NotFound($"User '{userName}' does not exist.");
        var result = await access.UpdateUserAsync(userName, update.Roles, update.EmployeeId, update.Disabled);
        if (!result.Applied) return Problem.Invalid(result.Errors);
        accounts.Invalidate(tenant.TenantId, userName);
        var after = await access.GetUserAsync(userName);
        await audit.RecordAsync(tenant.Caller, "user.update", userName, before, after);
        return TypedResults.Ok(after!);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetAsync(string userName, PasswordReset reset, PulseRequest tenant, IGrainFactory grains, AuditTrail audit)
    {
        var access = grains.GetGrain<IAccessGrain>(tenant.TenantId);
        if (await access.GetUserAsync(userName) is null) return Problem.NotFound($"User '{userName}' does not exist.");
        var result = await access.SetPasswordAsync(userName, reset.NewPassword);
        if (!result.Applied) return Problem.Invalid(result.Errors);
        await audit.RecordAsync(tenant.Caller, "user.password-reset", userName, null, null);
        return TypedResults.NoContent();
    }
}
