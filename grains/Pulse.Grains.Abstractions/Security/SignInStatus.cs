namespace Pulse.Security;

[GenerateSerializer]
public enum SignInStatus
{
    Succeeded,

    /// <summary>Unknown user, wrong password or disabled account: callers cannot tell which.</summary>
    Failed,

    LockedOut,
}
