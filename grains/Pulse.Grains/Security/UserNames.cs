using System.Text.RegularExpressions;

namespace Pulse.Security;

/// <summary>What a user name may look like: lower-case so that one person cannot hold two spellings of one name.</summary>
public static partial class UserNames
{
    public const string Rule = "must be 2–64 characters: lower-case letters, digits, '.', '_', '@' and '-', starting with a letter or digit";

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{1,63}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);
}
