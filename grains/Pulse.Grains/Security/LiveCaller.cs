namespace Pulse.Security;

/// <summary>
/// Every path judges a user by their account as it is now, not by the roles frozen into a token or cookie: a role
/// removed or an account disabled counts at once.
/// </summary>
public static class LiveCaller
{
    /// <summary>
    /// The caller with the roles and employee the account has now; null if the account is gone or disabled. Other
    /// kinds of caller (API keys) are checked by whoever authenticated them and stay as presented.
    /// </summary>
    public static Caller? Of(Caller presented, UserView? account) =>
        presented.Kind != CallerKind.User ? presented
        : account is null || account.Disabled ? null
        : presented with { Roles = account.Roles, EmployeeId = account.EmployeeId };
}
