using Orleans.Concurrency;
using Pulse.Organisation;
using Pulse.Security;

namespace Pulse.Grains;

/// <summary>
/// A tenant's user accounts and API keys; keyed by tenant id. Passwords are stored hashed (ASP.NET Core Identity's
/// hasher), key secrets as SHA-256; neither ever leaves the grain in clear.
/// </summary>
[Alias("pulse.grain.access")]
public interface IAccessGrain : IGrainWithStringKey
{
    [Alias("create-user")]
    Task<ChangeResult> CreateUserAsync(NewUser user);

    /// <summary>Changes roles, the linked employee and the disabled flag; null leaves a field as it is.</summary>
    [Alias("update-user")]
    Task<ChangeResult> UpdateUserAsync(string userName, Role[]? roles, string? employeeId, bool? disabled);

    [Alias("users")]
    Task<UserView[]> ListUsersAsync();

    [Alias("user")]
    Task<UserView?> GetUserAsync(string userName);

    /// <summary>Checks a password; repeated failures lock the account for a while.</summary>
    [Alias("sign-in")]
    Task<SignInOutcome> SignInAsync(string userName, string password);

    [Alias("change-password")]
    Task<ChangeResult> ChangePasswordAsync(string userName, string currentPassword, string newPassword);

    /// <summary>An admin's reset; also clears a lockout.</summary>
    [Alias("set-password")]
    Task<ChangeResult> SetPasswordAsync(string userName, string newPassword);

    [Alias("create-key")]
    Task<IssuedApiKey> CreateApiKeyAsync(string name, string[] scopes, string createdBy);

    /// <summary>False if no such key.</summary>
    [Alias("revoke-key")]
    Task<bool> RevokeApiKeyAsync(string keyId);

    [Alias("keys")]
    Task<ApiKeyView[]> ListApiKeysAsync();

    /// <summary>The stored credential of a key, for silos to verify presented tokens locally. Interleaves: read-only.</summary>
    [AlwaysInterleave, Alias("key-credential")]
    Task<ApiKeyCredential?> GetApiKeyCredentialAsync(string keyId);

    /// <summary>Last-used times, batched by each silo; never per request.</summary>
    [OneWay, Alias("keys-used")]
    Task RecordKeyUseAsync(Dictionary<string, DateTimeOffset> lastUsed);
}
