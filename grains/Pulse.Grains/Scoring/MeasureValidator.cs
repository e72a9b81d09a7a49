using Pulse.Organisation;
using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>
/// The measure rules of <see cref="TemplateValidator"/>: a measure must name registered event types and number fields,
/// and a ratio divides a count or a sum by a count or a sum, so every accepted measure is a running aggregate.
/// </summary>
internal static class MeasureValidator
{
    public static void Check(
        Measure measure,
        string at,
        IReadOnlyDictionary<string, EventTypeDefinition> eventTypes,
        Action<string, string> error)
    {
        if (measure.Multiplier <= 0m)
        {
            error($"{at}.multiplier", "The multiplier must be greater than 0.");
        }

        if (measure.Kind != MeasureKind.Ratio)
        {
            CheckSimpleMeasure(measure, at, eventTypes, error);
            return;
        }

        if (measure.EventType is not null)
        {
            error($"{at}.eventType", "A ratio takes its event types from its numerator and denominator.");
        }

        if (measure.Field is not null)
        {
            error($"{at}.field", "A ratio takes its fields from its numerator and denominator.");
        }

        if (measure.Filter is not null)
        {
            error($"{at}.filter", "A ratio takes its filters from its numerator and denominator.");
        }

        CheckRatioPart(measure.Numerator, $"{at}.numerator", "numerator", eventTypes, error);
        CheckRatioPart(measure.Denominator, $"{at}.denominator", "denominator", eventTypes, error);
    }

    private static void CheckRatioPart(
        Measure? part,
        string at,
        string role,
        IReadOnlyDictionary<string, EventTypeDefinition> eventTypes,
        Action<string, string> error)
    {
        if (part is null)
        {
            error(at, $"A ratio needs a {role}.");
            return;
        }

        if (part.Kind is not (MeasureKind.Count or MeasureKind.Sum))
        {
            error($"{at}.kind", $"A ratio's {role} must be a count or a sum, not {part.Kind.ToString().ToLowerInvariant()}.");
            return;
        }

        if (part.Multiplier <= 0m)
        {
            error($"{at}.multiplier", "The multiplier must be greater than 0.");
        }

        CheckSimpleMeasure(part, at, eventTypes, error);
    }

    private static void CheckSimpleMeasure(
        Measure measure,
        string at,
        IReadOnlyDictionary<string, EventTypeDefinition> eventTypes,
        Action<string, string> error)
    {
        if (measure.Numerator is not null || measure.Denominator is not null)
        {
            error($"{at}.kind", "Only a ratio has a numerator and a denominator.");
        }

        EventTypeDefinition? type = null;
        if (string.IsNullOrEmpty(measure.EventType))
        {
            error($"{at}.eventType", "A measure needs an event type.");
        }
        else if (!eventTypes.TryGetValue(measure.EventType, out type))
        {
            error($"{at}.eventType", $"Event type '{measure.EventType}' is not registered.");
        }

        var kind = measure.Kind.ToString().ToLowerInvariant();
        if (measure.Kind == MeasureKind.Count)
        {
            if (measure.Field is not null)
            {
                error($"{at}.field", "A count takes no field.");
            }
        }
        else if (string.IsNullOrEmpty(measure.Field))
        {
            error($"{at}.field", $"A {kind} needs a numeric field.");
        }
        else if (type is not null)
        {
            var field = type.Fields?.FirstOrDefault(f => f.Name == measure.Field);
            if (field is null)
            {
                error($"{at}.field", $"Field '{measure.Field}' is not registered on event type '{type.Type}'.");
            }
            else if (field.Kind != FieldKind.Number)
            {
                error($"{at}.field", $"A {kind} needs a number, but '{measure.Field}' is registered as {field.Kind.ToString().ToLowerInvariant()}.");
            }
        }

        if (measure.Filter is { } filter)
        {
            if (string.IsNullOrEmpty(filter.Field))
            {
                error($"{at}.filter.field", "A filter needs a field.");
            }
            else if (type is not null && type.Fields?.Any(f => f.Name == filter.Field) != true)
            {
                error($"{at}.filter.field", $"Field '{filter.Field}' is not registered on event type '{type.Type}'.");
            }

            if (filter.EqualTo is null)
            {
                error($"{at}.filter.equalTo", "A filter needs a value to compare with.");
            }
        }
    }
}
