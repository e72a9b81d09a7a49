using System.Text.RegularExpressions;

namespace Pulse.Organisation;

/// <summary>What an id may look like. Ids travel in URLs and grain keys, so they are short and carry no '/'.</summary>
public static partial class Identifiers
{
    public const int MaxLength = 64;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex TenantPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex ItemPattern();

    [GeneratedRegex("^[a-z][a-z0-9_.-]{0,63}$")]
    private static partial Regex EventTypePattern();

    public static bool IsTenantId(string? value) => value is not null && TenantPattern().IsMatch(value);

    public static bool IsItemId(string? value) => value is not null && ItemPattern().IsMatch(value);

    public static bool IsEventType(string? value) => value is not null && EventTypePattern().IsMatch(value);

    public const string TenantRule = "must be 1–40 characters: lower-case letters, digits and '-', starting with a letter or digit";
    public const string ItemRule = "must be 1–64 characters: letters, digits, '_', '.' and '-', starting with a letter or digit";
    public const string EventTypeRule = "must be 1–64 characters: lower-case letters, digits, '_', '.' and '-', starting with a letter";
}
