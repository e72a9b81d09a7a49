using System.Globalization;
using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>
/// One distinct running aggregate a template needs. <see cref="Key"/> names it in the accumulator, so two
/// indicators asking for the same aggregate (e.g. sum(amount) and avg(amount) of the same events) share one entry.
/// </summary>
public sealed record AggregateSpec(string Key, AggregateKind Kind, string EventType, string? Field, MeasureFilter? Filter)
{
    /// <summary>The aggregate behind a simple measure: avg(field) reads the sum entry, which also counts its samples.</summary>
    public static AggregateSpec For(Measure measure)
    {
        var kind = measure.Kind switch
        {
            MeasureKind.Count => AggregateKind.Count,
            MeasureKind.Sum or MeasureKind.Avg => AggregateKind.Sum,
            MeasureKind.Latest => AggregateKind.Latest,
            _ => throw new ArgumentException($"A {measure.Kind} measure is not a simple aggregate.", nameof(measure)),
        };
        var eventType = string.IsNullOrEmpty(measure.EventType)
            ? throw new ArgumentException("A simple measure needs an event type.", nameof(measure))
            : measure.EventType;
        var field = kind == AggregateKind.Count ? null : measure.Field;
        if (kind != AggregateKind.Count && string.IsNullOrEmpty(field))
        {
            throw new ArgumentException($"A {measure.Kind} measure needs a field.", nameof(measure));
        }

        return new AggregateSpec(KeyOf(kind, eventType, field, measure.Filter), kind, eventType, field, measure.Filter);
    }

    private static string KeyOf(AggregateKind kind, string eventType, string? field, MeasureFilter? filter)
    {
        var name = kind.ToString().ToLowerInvariant();
        var target = field is null ? eventType : $"{eventType}, {field}";
        return filter is null
            ? $"{name}({target})"
            : string.Create(CultureInfo.InvariantCulture, $"{name}({target})[{filter.Field}={filter.EqualTo}]");
    }
}
