using Pulse.Events;
using Pulse.Performance;
using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>
/// A KPI template compiled for folding: the distinct running aggregates it needs and, per event type, which of
/// them an event updates and which alert rules it can cross. Compile once per template version; folding is then
/// O(aggregates of the event's type) and deterministic, so live updates, rebuilds and previews agree.
/// </summary>
public sealed class TemplatePlan
{
    private static readonly AlertCrossing[] NoCrossings = [];

    private readonly Dictionary<string, EventRoute> routes;

    private TemplatePlan(KpiTemplate template, IndicatorPlan[] indicators, AggregateSpec[] aggregates, Dictionary<string, EventRoute> routes)
    {
        Template = template;
        Indicators = indicators;
        Aggregates = aggregates;
        this.routes = routes;
    }

    public KpiTemplate Template { get; }

    /// <summary>Every indicator in template order (section by section).</summary>
    public IReadOnlyList<IndicatorPlan> Indicators { get; }

    /// <summary>The distinct aggregates, in the order the template first asks for them.</summary>
    public IReadOnlyList<AggregateSpec> Aggregates { get; }

    /// <summary>The event types this template reads.</summary>
    public IEnumerable<string> EventTypes => routes.Keys;

    /// <summary>Compiles a template that <see cref="TemplateValidator"/> accepted; throws <see cref="ArgumentException"/> on a malformed measure.</summary>
    public static TemplatePlan Compile(KpiTemplate template)
    {
        var indicators = new List<IndicatorPlan>();
        for (var s = 0; s < template.Sections.Length; s++)
        {
            foreach (var indicator in template.Sections[s].Indicators)
            {
                var measure = indicator.Source is { Kind: SourceKind.Measure, Measure: { } m } ? MeasurePlan.Compile(m) : null;
                indicators.Add(new IndicatorPlan(indicator, s, measure));
            }
        }

        var aggregates = indicators
            .Where(i => i.Measure is not null)
            .SelectMany(i => i.Measure!.Aggregates())
            .DistinctBy(a => a.Key, StringComparer.Ordinal)
            .ToArray();

        var routes = aggregates
            .GroupBy(a => a.EventType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Route(g.ToArray(), indicators), StringComparer.Ordinal);

        return new TemplatePlan(template, [.. indicators], aggregates, routes);
    }

    public bool Reads(string eventType) => routes.ContainsKey(eventType);

    /// <summary>
    /// Folds one event at stream position <paramref name="seq"/> (strictly increasing; a seq already folded is a replay
    /// and is ignored) and returns the alert rules it made cross, if any.
    /// </summary>
    public IReadOnlyList<AlertCrossing> Fold(PeriodAccumulator accumulator, BusinessEvent e, long seq)
    {
        if (seq <= accumulator.LastSeq)
        {
            return NoCrossings;
        }

        accumulator.LastSeq = seq;
        accumulator.EventCount++;
        if (!routes.TryGetValue(e.Type, out var route))
        {
            return NoCrossings;
        }

        var fields = EventDataReader.Read(e.Data, route.Fields);
        foreach (var binding in route.Aggregates)
        {
            if (binding.Accepts(fields))
            {
                Apply(accumulator, binding, fields, e.OccurredAt, seq);
            }
        }

        return route.Alerting.Length == 0 ? NoCrossings : Cross(accumulator, route.Alerting, seq);
    }

    private static void Apply(PeriodAccumulator accumulator, AggregateBinding binding, FieldValue[] fields, DateTimeOffset occurredAt, long seq)
    {
        var key = binding.Spec.Key;
        var totals = accumulator.TotalsOf(key);
        if (binding.Spec.Kind == AggregateKind.Count)
        {
            accumulator.Totals[key] = totals with { Count = totals.Count + 1 };
            return;
        }

        // An event without the number (optional field) is not a sample of sum, avg or latest.
        if (fields[binding.ValueField].Number is not { } number)
        {
            return;
        }

        if (binding.Spec.Kind == AggregateKind.Sum)
        {
            accumulator.Totals[key] = totals with { Count = totals.Count + 1, Sum = Saturating.Add(totals.Sum, number) };
            return;
        }

        // Latest is by when it happened, not when it arrived; ties go to the later stream position.
        var newer = totals.LatestAt is not { } at || occurredAt > at || (occurredAt == at && seq > totals.LatestSeq);
        accumulator.Totals[key] = newer
            ? totals with { Count = totals.Count + 1, Latest = number, LatestAt = occurredAt, LatestSeq = seq }
            : totals with { Count = totals.Count + 1 };
    }

    /// <summary>Crossing semantics: a rule fires when its state flips, never on every event while it stays breached.</summary>
    private static AlertCrossing[] Cross(PeriodAccumulator accumulator, IndicatorPlan[] alerting, long seq)
    {
        List<AlertCrossing>? crossings = null;
        foreach (var indicator in alerting)
        {
            var reading = indicator.Read(accumulator);

            // No value (e.g. nothing to divide by) proves neither a breach nor a recovery: keep the state.
            if (reading.Value is not { } value)
            {
                continue;
            }

            foreach (var rule in indicator.Alerts)
            {
                var key = PeriodAccumulator.AlertKey(indicator.Id, rule.Id);
                var was = accumulator.BreachedAlerts.Contains(key);
                var holds = rule.Comparator.Holds(value, rule.Threshold);
                AlertKind? kind = !was && holds && reading.Samples >= rule.MinSamples ? AlertKind.Breached
                    : was && !holds ? AlertKind.Recovered
                    : null;
                if (kind is null)
                {
                    continue;
                }

                if (kind == AlertKind.Breached)
                {
                    accumulator.BreachedAlerts.Add(key);
                }
                else
                {
                    accumulator.BreachedAlerts.Remove(key);
                }

                (crossings ??= []).Add(new AlertCrossing(indicator.Id, rule.Id, kind.Value, Rounding.Report(value), rule.Threshold, seq));
            }
        }

        return crossings is null ? NoCrossings : [.. crossings];
    }

    private static EventRoute Route(AggregateSpec[] aggregates, List<IndicatorPlan> indicators)
    {
        var fields = new List<string>();
        int FieldIndex(string? name)
        {
            if (name is null)
            {
                return -1;
            }

            var index = fields.IndexOf(name);
            if (index < 0)
            {
                fields.Add(name);
                index = fields.Count - 1;
            }

            return index;
        }

        var bindings = aggregates
            .Select(a => new AggregateBinding(
                a,
                FieldIndex(a.Field),
                FieldIndex(a.Filter?.Field),
                a.Filter is null ? null : new FieldFilter(a.Filter)))
            .ToArray();

        var keys = aggregates.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var alerting = indicators
            .Where(i => i.Measure is not null && i.Alerts.Count > 0 && i.Measure.Aggregates().Any(a => keys.Contains(a.Key)))
            .ToArray();

        return new EventRoute([.. fields], bindings, alerting);
    }
}
