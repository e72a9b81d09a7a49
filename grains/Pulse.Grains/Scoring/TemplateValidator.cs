using System.Globalization;
using Pulse.Organisation;
using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>
/// Checks a KPI template against the tenant's registered event types before it is saved or published, so that every
/// template that reaches <see cref="TemplatePlan.Compile"/> can be folded and scored. Each error names the item by
/// its JSON path and says what is wrong in plain English; all errors are reported at once.
/// </summary>
public static class TemplateValidator
{
    private const int MaxIdLength = 64;

    public static IReadOnlyList<ValidationError> Validate(
        KpiTemplate template,
        IReadOnlyDictionary<string, EventTypeDefinition> eventTypes,
        string path = "template")
    {
        var errors = new List<ValidationError>();
        void Error(string item, string reason) => errors.Add(new ValidationError(item, reason));

        CheckId(template.Id, $"{path}.id", Error);
        CheckName(template.Name, $"{path}.name", Error);
        if (template.Sections is not { Length: > 0 } sections)
        {
            Error($"{path}.sections", "A template needs at least one section.");
            return errors;
        }

        CheckWeights(sections.Select(s => s.Weight).ToArray(), $"{path}.sections", "section", Error);
        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        var indicatorIds = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < sections.Length; s++)
        {
            var section = sections[s];
            var at = $"{path}.sections[{s}]";
            CheckId(section.Id, $"{at}.id", Error);
            if (!string.IsNullOrEmpty(section.Id) && !sectionIds.Add(section.Id))
            {
                Error($"{at}.id", $"Section id '{section.Id}' is used more than once.");
            }

            CheckName(section.Name, $"{at}.name", Error);
            if (section.Indicators is not { Length: > 0 } indicators)
            {
                Error($"{at}.indicators", "A section needs at least one indicator.");
                continue;
            }

            CheckWeights(indicators.Select(i => i.Weight).ToArray(), $"{at}.indicators", "indicator", Error);
            for (var i = 0; i < indicators.Length; i++)
            {
                var indicator = indicators[i];
                var here = $"{at}.indicators[{i}]";
                if (!string.IsNullOrEmpty(indicator.Id) && !indicatorIds.Add(indicator.Id))
                {
                    Error($"{here}.id", $"Indicator id '{indicator.Id}' is used more than once in the template.");
                }

                CheckIndicator(indicator, here, eventTypes, Error);
            }
        }

        return errors;
    }

    private static void CheckIndicator(
        Indicator indicator,
        string at,
        IReadOnlyDictionary<string, EventTypeDefinition> eventTypes,
        Action<string, string> error)
    {
        CheckId(indicator.Id, $"{at}.id", error);
        CheckName(indicator.Name, $"{at}.name", error);
        var rated = indicator.Source?.Kind == SourceKind.Rating;

        if (indicator.Target < 0m)
        {
            error($"{at}.target", "The target must not be negative.");
        }
        else if (indicator.Target > FieldBounds.MaxMagnitude)
        {
            error($"{at}.target", $"The target must be at most {Text(FieldBounds.MaxMagnitude)}.");
        }
        else if (!rated && indicator.Direction == Direction.HigherIsBetter && indicator.Target == 0m)
        {
            error($"{at}.target", "A higher-is-better target must be greater than 0.");
        }

        if (indicator.Scoring is { } scoring)
        {
            if (scoring.CapPercent < 100m)
            {
                error($"{at}.scoring.capPercent", "The cap must be at least 100 percent.");
            }

            if (indicator.Direction == Direction.LowerIsBetter && scoring.ZeroScoreAt is { } zeroAt && zeroAt <= indicator.Target)
            {
                error($"{at}.scoring.zeroScoreAt", $"The zero-score point must be above the target ({Text(indicator.Target)}).");
            }
        }

        switch (indicator.Source)
        {
            case null:
                error($"{at}.source", "An indicator needs a source: a measure or a rating.");
                break;
            case { Kind: SourceKind.Rating }:
                if (indicator.Source.Measure is not null)
                {
                    error($"{at}.source.measure", "A rated indicator takes no measure.");
                }

                if (indicator.Direction == Direction.LowerIsBetter)
                {
                    error($"{at}.direction", "A rating is higher-is-better.");
                }

                break;
            case { Kind: SourceKind.Measure, Measure: null }:
                error($"{at}.source.measure", "A measured indicator needs a measure.");
                break;
            case { Kind: SourceKind.Measure, Measure: { } measure }:
                MeasureValidator.Check(measure, $"{at}.source.measure", eventTypes, error);
                break;
            default:
                error($"{at}.source.kind", $"Unknown source kind '{indicator.Source.Kind}'.");
                break;
        }

        CheckAlerts(indicator.Alerts, rated || indicator.Source?.Measure is null, $"{at}.alerts", error);
    }

    private static void CheckAlerts(AlertRule[]? alerts, bool withoutMeasure, string at, Action<string, string> error)
    {
        if (alerts is not { Length: > 0 })
        {
            return;
        }

        if (withoutMeasure)
        {
            error(at, "Alert rules need a measured indicator.");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < alerts.Length; a++)
        {
            CheckId(alerts[a].Id, $"{at}[{a}].id", error);
            if (!string.IsNullOrEmpty(alerts[a].Id) && !ids.Add(alerts[a].Id))
            {
                error($"{at}[{a}].id", $"Alert rule id '{alerts[a].Id}' is used more than once in this indicator.");
            }

            if (alerts[a].MinSamples < 1)
            {
                error($"{at}[{a}].minSamples", "MinSamples must be at least 1.");
            }
        }
    }

    private static void CheckWeights(decimal[] weights, string at, string what, Action<string, string> error)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0m)
            {
                error($"{at}[{i}].weight", $"A {what} weight must be greater than 0.");
            }
        }

        var total = weights.Sum();
        if (total != 100m)
        {
            error(at, $"The {what} weights sum to {Text(total)}; they must sum to 100.");
        }
    }

    private static void CheckId(string? id, string at, Action<string, string> error)
    {
        if (string.IsNullOrEmpty(id))
        {
            error(at, "An id is required.");
        }
        else if (id.Length > MaxIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            error(at, $"An id has at most {MaxIdLength} characters from A–Z, a–z, 0–9, '_', '.' and '-'.");
        }
    }

    private static void CheckName(LocalizedText? name, string at, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(name?.Zh))
        {
            error($"{at}.zh", "A Chinese name is required.");
        }

        if (name?.Zh is { Length: > FieldBounds.MaxNameLength })
        {
            error($"{at}.zh", $"A name has at most {FieldBounds.MaxNameLength} characters.");
        }

        if (name?.En is { Length: > FieldBounds.MaxNameLength })
        {
            error($"{at}.en", $"A name has at most {FieldBounds.MaxNameLength} characters.");
        }
    }

    private static string Text(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
