using Pulse.Organisation;

namespace Pulse.Security;

/// <summary>What a new password must be. Length matters most; the upper bound only keeps hashing cheap.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    /// <summary>The reasons <paramref name="password"/> is refused, under the item name <paramref name="field"/>.</summary>
    public static ValidationError[] Check(string? password, string? userName, string field)
    {
        if (string.IsNullOrEmpty(password)) return [new(field, "is required")];
        var errors = new ValidationErrors();
        if (password.Length < MinLength) errors.Add(field, $"must be at least {MinLength} characters");
        if (password.Length > MaxLength) errors.Add(field, $"must be at most {MaxLength} characters");
        if (password.All(char.IsAsciiDigit)) errors.Add(field, "must not be only digits");
        if (userName is not null && string.Equals(password, userName, StringComparison.OrdinalIgnoreCase)) errors.Add(field, "must not be the user name");
        return errors.ToArray();
    }
}
