namespace Pulse.Security;

[GenerateSerializer, Immutable, Alias("pulse.new-user")]
public sealed record NewUser(
    [property: Id(0)] string UserName,
    [property: Id(1)] string Password,
    [property: Id(2)] Role[] Roles,
    [property: Id(3)] string? EmployeeId = null);
