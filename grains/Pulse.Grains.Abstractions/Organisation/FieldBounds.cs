namespace Pulse.Organisation;

/// <summary>The bounds every field and organisation string has, declared or not.</summary>
public static class FieldBounds
{
    /// <summary>|x| ≤ 10¹⁵ when a number field declares no bounds: no real amount, count or duration reaches it.</summary>
    public const decimal DefaultMagnitude = 1_000_000_000_000_000m;

    /// <summary>Declared bounds may reach 10¹⁸: sums of millions of such values still stay far from the decimal limit.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000_000m;

    /// <summary>Characters in a string field when it declares no <see cref="EventFieldDefinition.MaxLength"/>.</summary>
    public const int DefaultMaxLength = 1_000;

    /// <summary>The longest declarable string field.</summary>
    public const int MaxMaxLength = 100_000;

    /// <summary>Names of people, departments, tenants and the like.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Other organisation strings: titles, descriptions, chat identities.</summary>
    public const int MaxTextLength = 1_000;

    /// <summary>The smallest number a field accepts: its declared minimum, else −<see cref="DefaultMagnitude"/>.</summary>
    public static decimal MinimumOf(EventFieldDefinition field) => field.Minimum ?? -DefaultMagnitude;

    /// <summary>The largest number a field accepts: its declared maximum, else <see cref="DefaultMagnitude"/>.</summary>
    public static decimal MaximumOf(EventFieldDefinition field) => field.Maximum ?? DefaultMagnitude;

    /// <summary>The longest string a field accepts: its declared length, else <see cref="DefaultMaxLength"/>.</summary>
    public static int MaxLengthOf(EventFieldDefinition field) => field.MaxLength ?? DefaultMaxLength;
}
