namespace Pulse.Organisation;

/// <summary>The registration rules of one event field: a name, a kind, and bounds that suit the kind.</summary>
internal static class EventFieldValidator
{
    public static void Check(EventFieldDefinition field, string path, ValidationErrors errors)
    {
        if (!Identifiers.IsItemId(field.Name)) errors.Add($"{path}.name", Identifiers.ItemRule);
        if (!Enum.IsDefined(field.Kind)) { errors.Add($"{path}.kind", "must be number, string or boolean"); return; }

        if (field.Kind == FieldKind.Number)
        {
            CheckBound(field.Minimum, $"{path}.minimum", errors);
            CheckBound(field.Maximum, $"{path}.maximum", errors);
            if (field.Minimum > field.Maximum) errors.Add($"{path}.maximum", "must not be below the minimum");
        }
        else
        {
            if (field.Minimum is not null) errors.Add($"{path}.minimum", "only a number field has a minimum");
            if (field.Maximum is not null) errors.Add($"{path}.maximum", "only a number field has a maximum");
        }

        if (field.MaxLength is { } length)
        {
            if (field.Kind != FieldKind.String) errors.Add($"{path}.maxLength", "only a string field has a maximum length");
            else if (length is < 1 or > FieldBounds.MaxMaxLength) errors.Add($"{path}.maxLength", $"must be between 1 and {FieldBounds.MaxMaxLength}");
        }
    }

    private static void CheckBound(decimal? bound, string path, ValidationErrors errors)
    {
        if (bound is { } value && Math.Abs(value) > FieldBounds.MaxMagnitude)
            errors.Add(path, $"must lie within ±{FieldBounds.MaxMagnitude:0} (10^18)");
    }
}
