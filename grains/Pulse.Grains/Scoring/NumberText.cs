using System.Globalization;

namespace Pulse.Scoring;

/// <summary>Numbers as filter text: invariant culture, no exponent, no trailing zeros, so 5, 5.0 and 5e0 all read "5".</summary>
internal static class NumberText
{
    public static string Canonical(decimal value) =>
        value == 0m ? "0" : value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string? CanonicalOrNull(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Canonical(value)
            : null;
}
