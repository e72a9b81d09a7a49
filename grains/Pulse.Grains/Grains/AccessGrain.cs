using Microsoft.AspNetCore.Identity;
using Pulse.Organisation;
using Pulse.Security;

namespace Pulse.Grains;

/// <summary>
/// A tenant's user accounts and API keys. Passwords are kept as Identity hashes, key secrets as SHA-256; state is
/// written only when something really changed, so a routine sign-in costs no write.
/// </summary>
/// <remarks>
/// <see cref="CreateApiKeyAsync"/> throws <see cref="ArgumentException"/> for a bad name or scopes: the HTTP layer
/// validates those first, so reaching the grain with them is a programming error, not user input.
/// </remarks>
public sealed class AccessGrain(
    [PersistentState("access", StorageNames.Organisation)] IPersistentState<AccessState> state,
    TimeProvider clock) : Grain, IAccessGrain
{
    private const int MaxKeyNameLength = 64;

    private static readonly SignInOutcome Failed = new(SignInStatus.Failed);

    private string TenantId => this.GetPrimaryKeyString();

    private Dictionary<string, StoredUser> Users => state.State.Users;

    private Dictionary<string, StoredApiKey> Keys => state.State.Keys;

    public async Task<ChangeResult> CreateUserAsync(NewUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var employeeId = string.IsNullOrEmpty(user.EmployeeId) ? null : user.EmployeeId;
        var errors = new ValidationErrors();
        if (!UserNames.IsValid(user.UserName)) errors.Add("userName", UserNames.Rule);
        else if (Users.ContainsKey(user.UserName)) errors.Add("userName", $"user '{user.UserName}' already exists");
        errors.AddRange(PasswordPolicy.Check(user.Password, user.UserName, "password"));
        RoleRules.Check(user.Roles, employeeId, errors);
        await CheckTenantAndEmployeeAsync(employeeId, errors);
        if (errors.Any) return ChangeResult.Refused(errors.ToArray());

        Users[user.UserName] = new StoredUser
        {
            PasswordHash = Passwords.Hash(user.UserName, user.Password),
            Roles = RoleRules.Normalise(user.Roles),
            EmployeeId = employeeId,
            CreatedAt = clock.GetUtcNow(),
        };
        return await CommitAsync();
    }

    /// <remarks>An empty <paramref name="employeeId"/> unlinks the employee; null leaves it as it is.</remarks>
    public async Task<ChangeResult> UpdateUserAsync(string userName, Role[]? roles, string? employeeId, bool? disabled)
    {
        if (!TryGetUser(userName, out var user)) return NoSuchUser(userName);
        var nextEmployee = employeeId is null ? user.EmployeeId : employeeId.Length == 0 ? null : employeeId;
        var errors = new ValidationErrors();
        RoleRules.Check(roles ?? user.Roles, nextEmployee, errors);
        // The link is checked again whenever it or the roles change: the employee may have left since.
        if (roles is not null || employeeId is not null) await CheckTenantAndEmployeeAsync(nextEmployee, errors);
        if (errors.Any) return ChangeResult.Refused(errors.ToArray());

        var nextRoles = roles is null ? user.Roles : RoleRules.Normalise(roles);
        var nextDisabled = disabled ?? user.Disabled;
        if (nextRoles.SequenceEqual(user.Roles) && nextEmployee == user.EmployeeId && nextDisabled == user.Disabled) return Unchanged();
        (user.Roles, user.EmployeeId, user.Disabled) = (nextRoles, nextEmployee, nextDisabled);
        return await CommitAsync();
    }

    public Task<UserView[]> ListUsersAsync()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(Users.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => View(u.Key, u.Value, now)).ToArray());
    }

    public Task<UserView?> GetUserAsync(string userName) =>
        Task.FromResult(TryGetUser(userName, out var user) ? View(userName, user, clock.GetUtcNow()) : null);

    public async Task<SignInOutcome> SignInAsync(string userName, string password)
    {
        if (!TryGetUser(userName, out var user))
        {
            Passwords.VerifyDecoy(password);
            return Failed;
        }
        if (user.Disabled)
        {
            Passwords.VerifyDecoy(password);
            return Failed;
        }
        var now = clock.GetUtcNow();
        // A locked account refuses even the right password: otherwise the lock would not slow down guessing.
        if (LockoutPolicy.IsLockedOut(user.LockedUntil, now))
        {
            Passwords.VerifyDecoy(password); // as slow as any other refusal, so timing does not tell a locked account either
            return new SignInOutcome(SignInStatus.LockedOut, LockedUntil: user.LockedUntil);
        }

        var result = Passwords.Verify(userName, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user, now);
            return LockoutPolicy.IsLockedOut(user.LockedUntil, now) ? new SignInOutcome(SignInStatus.LockedOut, LockedUntil: user.LockedUntil) : Failed;
        }

        var changed = false;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // The stored hash is of an older format or fewer iterations: upgrade it while the password is at hand.
            user.PasswordHash = Passwords.Hash(userName, password);
            changed = true;
        }
        if (user.FailedAttempts != 0 || user.LockedUntil is not null)
        {
            (user.FailedAttempts, user.LockedUntil) = (0, null);
            changed = true;
        }
        if (changed) await state.WriteStateAsync();
        return new SignInOutcome(SignInStatus.Succeeded, View(userName, user, now));
    }

    public async Task<ChangeResult> ChangePasswordAsync(string userName, string currentPassword, string newPassword)
    {
        if (!TryGetUser(userName, out var user)) return NoSuchUser(userName);
        if (user.Disabled) return ChangeResult.Refused(new ValidationError("userName", "the account is disabled"));
        var now = clock.GetUtcNow();
        if (LockoutPolicy.IsLockedOut(user.LockedUntil, now))
            return ChangeResult.Refused(new ValidationError("currentPassword", $"the account is locked until {user.LockedUntil:O}"));
        var policy = PasswordPolicy.Check(newPassword, userName, "newPassword");
        if (policy.Length > 0) return ChangeResult.Refused(policy);

        // A wrong current password counts towards the lockout: this is a way to guess passwords too.
        if (Passwords.Verify(userName, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user, now);
            return ChangeResult.Refused(new ValidationError("currentPassword", "is not the current password"));
        }
        return await SetPasswordAsync(user, newPassword, userName);
    }

    public async Task<ChangeResult> SetPasswordAsync(string userName, string newPassword)
    {
        if (!TryGetUser(userName, out var user)) return NoSuchUser(userName);
        var policy = PasswordPolicy.Check(newPassword, userName, "newPassword");
        if (policy.Length > 0) return ChangeResult.Refused(policy);
        return await SetPasswordAsync(user, newPassword, userName);
    }

    public async Task<IssuedApiKey> CreateApiKeyAsync(string name, string[] scopes, string createdBy)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxKeyNameLength)
            throw new ArgumentException($"An API key's name must be 1–{MaxKeyNameLength} characters.", nameof(name));
        if (scopes is null || scopes.Length == 0 || !scopes.All(ApiKeyScopes.All.Contains))
            throw new ArgumentException($"An API key's scopes must be a non-empty subset of: {string.Join(", ", ApiKeyScopes.All)}.", nameof(scopes));
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);

        string keyId;
        do keyId = ApiKeyToken.NewKeyId(); while (Keys.ContainsKey(keyId));
        var secret = ApiKeyToken.NewSecret();
        var key = new StoredApiKey
        {
            Name = name,
            Scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            SecretHash = ApiKeyToken.HashSecret(secret),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        };
        Keys[keyId] = key;
        await state.WriteStateAsync();
        return new IssuedApiKey(View(keyId, key), ApiKeyToken.Format(TenantId, keyId, secret));
    }

    public async Task<bool> RevokeApiKeyAsync(string keyId)
    {
        if (keyId is null || !Keys.TryGetValue(keyId, out var key)) return false;
        if (key.RevokedAt is not null) return true;
        key.RevokedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }

    public Task<ApiKeyView[]> ListApiKeysAsync() =>
        Task.FromResult(Keys.OrderBy(k => k.Value.CreatedAt).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => View(k.Key, k.Value)).ToArray());

    public Task<ApiKeyCredential?> GetApiKeyCredentialAsync(string keyId) =>
        Task.FromResult(keyId is not null && Keys.TryGetValue(keyId, out var key)
            // Copies: an [Immutable] record is passed by reference inside a silo, and the state's arrays must not escape.
            ? new ApiKeyCredential(keyId, [.. key.SecretHash], [.. key.Scopes], key.RevokedAt is not null)
            : null);

    public async Task RecordKeyUseAsync(Dictionary<string, DateTimeOffset> lastUsed)
    {
        if (lastUsed is null) return;
        var now = clock.GetUtcNow();
        var moved = false;
        foreach (var (keyId, at) in lastUsed)
        {
            if (!Keys.TryGetValue(keyId, out var key)) continue;
            // A silo whose clock runs ahead must not record a use in the future.
            var used = at > now ? now : at;
            if (key.LastUsedAt >= used) continue;
            key.LastUsedAt = used;
            moved = true;
        }
        if (moved) await state.WriteStateAsync();
    }

    private async Task<ChangeResult> SetPasswordAsync(StoredUser user, string newPassword, string userName)
    {
        // A new password also ends a lockout: the admin's reset is how a locked-out user gets back in early.
        (user.PasswordHash, user.FailedAttempts, user.LockedUntil) = (Passwords.Hash(userName, newPassword), 0, null);
        return await CommitAsync();
    }

    private async Task RecordFailureAsync(StoredUser user, DateTimeOffset now)
    {
        (user.FailedAttempts, user.LockedUntil) = LockoutPolicy.AfterFailure(user.FailedAttempts, now);
        await state.WriteStateAsync();
    }

    /// <summary>The tenant must exist, and a linked employee must be one of its employees.</summary>
    private async Task CheckTenantAndEmployeeAsync(string? employeeId, ValidationErrors errors)
    {
        var rules = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetRulesAsync();
        if (rules is null) errors.Add("tenant", $"tenant '{TenantId}' does not exist");
        else if (employeeId is not null && !rules.Employees.Any(e => e.Id == employeeId)) errors.Add("employeeId", $"no employee '{employeeId}' in this tenant");
    }

    private async Task<ChangeResult> CommitAsync()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        return new ChangeResult(true, state.State.Version, [], []);
    }

    private ChangeResult Unchanged() => new(true, state.State.Version, [], []);

    private static ChangeResult NoSuchUser(string? userName) => ChangeResult.Refused(new ValidationError("userName", $"no user '{userName}'"));

    private bool TryGetUser(string? userName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredUser? user)
    {
        user = null;
        return userName is not null && Users.TryGetValue(userName, out user);
    }

    // Arrays are copied for the same reason as in GetApiKeyCredentialAsync.
    private static UserView View(string userName, StoredUser user, DateTimeOffset now) =>
        new(userName, [.. user.Roles], user.EmployeeId, user.Disabled, LockoutPolicy.IsLockedOut(user.LockedUntil, now) ? user.LockedUntil : null, user.CreatedAt);

    private static ApiKeyView View(string keyId, StoredApiKey key) =>
        new(keyId, key.Name, [.. key.Scopes], key.CreatedAt, key.CreatedBy, key.LastUsedAt, key.RevokedAt);
}
