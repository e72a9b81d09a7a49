using System.Text.Json;
using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>
/// A compiled <see cref="MeasureFilter"/>: the field must equal the text. Numbers compare canonically
/// (a filter "5" matches 5, 5.0 and 5e0), booleans as "true"/"false", strings exactly.
/// </summary>
internal sealed class FieldFilter(MeasureFilter filter)
{
    private readonly string text = filter.EqualTo;
    private readonly string? number = NumberText.CanonicalOrNull(filter.EqualTo);
    private readonly string boolean = filter.EqualTo.Trim();

    public bool Matches(FieldValue value) => value.Kind switch
    {
        JsonTokenType.String => string.Equals(value.Text, text, StringComparison.Ordinal),
        JsonTokenType.Number => string.Equals(value.Text, number ?? text, StringComparison.Ordinal),
        JsonTokenType.True or JsonTokenType.False => string.Equals(value.Text, boolean, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
