using Pulse.Organisation;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

public sealed class TemplateValidatorTests
{
    private const string Loan = "template.sections[0].indicators[0]";
    private const string BadDebt = "template.sections[0].indicators[1]";
    private const string Teamwork = "template.sections[1].indicators[0]";

    private static IReadOnlyList<ValidationError> Validate(KpiTemplate template) =>
        TemplateValidator.Validate(template, SeedTemplates.EventTypes);

    private static KpiTemplate WithIndicator(int section, int index, Func<Indicator, Indicator> change)
    {
        var sections = SeedTemplates.Business.Sections.ToArray();
        var indicators = sections[section].Indicators.ToArray();
        indicators[index] = change(indicators[index]);
        sections[section] = sections[section] with { Indicators = indicators };
        return SeedTemplates.Business with { Sections = sections };
    }

    private static KpiTemplate WithMeasure(Measure measure) =>
        WithIndicator(0, 0, i => i with { Source = new IndicatorSource(SourceKind.Measure, measure) });

    private static void AssertOnly(IReadOnlyList<ValidationError> errors, params string[] items) =>
        Assert.Equal(items, errors.Select(e => e.Item));

    [Fact]
    public void Seed_business_template_is_valid() => Assert.Empty(Validate(SeedTemplates.Business));

    [Fact]
    public void Section_weights_must_sum_to_100()
    {
        var template = SeedTemplates.Business with { Sections = [SeedTemplates.Business.Sections[0] with { Weight = 60 }, SeedTemplates.Business.Sections[1]] };

        var error = Assert.Single(Validate(template));
        Assert.Equal("template.sections", error.Item);
        Assert.Equal("The section weights sum to 90; they must sum to 100.", error.Reason);
    }

    [Fact]
    public void Indicator_weights_must_be_positive_and_sum_to_100()
    {
        AssertOnly(Validate(WithIndicator(0, 1, i => i with { Weight = 0 })), "template.sections[0].indicators[1].weight", "template.sections[0].indicators");
    }

    [Fact]
    public void Template_needs_a_section() =>
        AssertOnly(Validate(SeedTemplates.Business with { Sections = [] }), "template.sections");

    [Fact]
    public void Ids_and_chinese_names_are_required()
    {
        var template = SeedTemplates.Business with { Id = "业务 模板", Name = new LocalizedText(" ", "Business") };

        var errors = Validate(template);

        AssertOnly(errors, "template.id", "template.name.zh");
        Assert.Contains("at most 64 characters", errors[0].Reason, StringComparison.Ordinal);
        AssertOnly(Validate(SeedTemplates.Business with { Id = new string('a', 65) }), "template.id");
        AssertOnly(Validate(WithIndicator(0, 0, i => i with { Id = "" })), $"{Loan}.id");
    }

    [Fact]
    public void Indicator_ids_are_unique_across_the_template()
    {
        var errors = Validate(WithIndicator(1, 0, i => i with { Id = "loan_volume" }));

        var error = Assert.Single(errors);
        Assert.Equal($"{Teamwork}.id", error.Item);
        Assert.Equal("Indicator id 'loan_volume' is used more than once in the template.", error.Reason);
    }

    [Fact]
    public void Section_ids_are_unique()
    {
        var template = SeedTemplates.Business with { Sections = [SeedTemplates.Business.Sections[0], SeedTemplates.Business.Sections[1] with { Id = "quantitative" }] };

        AssertOnly(Validate(template), "template.sections[1].id");
    }

    [Fact]
    public void Higher_is_better_target_must_be_positive() =>
        AssertOnly(Validate(WithIndicator(0, 0, i => i with { Target = 0 })), $"{Loan}.target");

    [Fact]
    public void Target_must_not_be_negative() =>
        AssertOnly(Validate(WithIndicator(0, 1, i => i with { Target = -1 })), $"{BadDebt}.target");

    [Fact]
    public void Cap_is_at_least_100_percent() =>
        AssertOnly(Validate(WithIndicator(0, 0, i => i with { Scoring = new ScoringRule(CapPercent: 90) })), $"{Loan}.scoring.capPercent");

    [Fact]
    public void ZeroScoreAt_must_be_above_a_lower_is_better_target() =>
        AssertOnly(Validate(WithIndicator(0, 1, i => i with { Scoring = new ScoringRule(ZeroScoreAt: 3) })), $"{BadDebt}.scoring.zeroScoreAt");

    [Fact]
    public void Rated_indicator_takes_no_measure_and_no_alerts()
    {
        var errors = Validate(WithIndicator(1, 0, i => i with
        {
            Source = new IndicatorSource(SourceKind.Rating, SeedTemplates.Disbursed),
            Alerts = [new AlertRule("low", Comparator.LessThan, 3)],
        }));

        AssertOnly(errors, $"{Teamwork}.source.measure", $"{Teamwork}.alerts");
    }

    [Fact]
    public void Measured_indicator_needs_a_measure() =>
        AssertOnly(Validate(WithIndicator(0, 0, i => i with { Source = new IndicatorSource(SourceKind.Measure) })), $"{Loan}.source.measure");

    [Fact]
    public void Measure_event_type_must_be_registered()
    {
        var error = Assert.Single(Validate(WithMeasure(new Measure(MeasureKind.Sum, "loan.approved", "amount"))));

        Assert.Equal($"{Loan}.source.measure.eventType", error.Item);
        Assert.Equal("Event type 'loan.approved' is not registered.", error.Reason);
    }

    [Fact]
    public void Sum_needs_a_registered_number_field()
    {
        var notNumber = Assert.Single(Validate(WithMeasure(new Measure(MeasureKind.Sum, "loan.disbursed", "product"))));
        Assert.Equal($"{Loan}.source.measure.field", notNumber.Item);
        Assert.Equal("A sum needs a number, but 'product' is registered as string.", notNumber.Reason);

        AssertOnly(Validate(WithMeasure(new Measure(MeasureKind.Avg, "loan.disbursed", "rate"))), $"{Loan}.source.measure.field");
        AssertOnly(Validate(WithMeasure(new Measure(MeasureKind.Latest, "loan.disbursed"))), $"{Loan}.source.measure.field");
    }

    [Fact]
    public void Count_takes_no_field() =>
        AssertOnly(Validate(WithMeasure(new Measure(MeasureKind.Count, "loan.disbursed", "amount"))), $"{Loan}.source.measure.field");

    [Fact]
    public void Filter_field_must_be_registered_on_the_event_type() =>
        AssertOnly(
            Validate(WithMeasure(SeedTemplates.Disbursed with { Filter = new MeasureFilter("channel", "web") })),
            $"{Loan}.source.measure.filter.field");

    [Fact]
    public void Ratio_parts_must_be_count_or_sum()
    {
        var ratio = SeedTemplates.BadDebt.Source.Measure!;
        var template = WithIndicator(0, 1, i => i with
        {
            Source = new IndicatorSource(SourceKind.Measure, ratio with
            {
                Numerator = new Measure(MeasureKind.Avg, "loan.defaulted", "amount"),
                Denominator = ratio,
            }),
        });

        AssertOnly(Validate(template), $"{BadDebt}.source.measure.numerator.kind", $"{BadDebt}.source.measure.denominator.kind");
    }

    [Fact]
    public void Ratio_has_no_event_type_or_field_of_its_own_and_needs_both_parts()
    {
        var measure = new Measure(MeasureKind.Ratio, "loan.disbursed", "amount", Numerator: SeedTemplates.Disbursed, Multiplier: 100);

        AssertOnly(
            Validate(WithIndicator(0, 1, i => i with { Source = new IndicatorSource(SourceKind.Measure, measure) })),
            $"{BadDebt}.source.measure.eventType",
            $"{BadDebt}.source.measure.field",
            $"{BadDebt}.source.measure.denominator");
    }

    [Fact]
    public void Ratio_parts_are_checked_like_measures() =>
        AssertOnly(
            Validate(WithIndicator(0, 1, i => i with
            {
                Source = new IndicatorSource(SourceKind.Measure, i.Source.Measure! with { Numerator = new Measure(MeasureKind.Sum, "loan.defaulted", "principal") }),
            })),
            $"{BadDebt}.source.measure.numerator.field");

    [Fact]
    public void Multiplier_must_be_positive() =>
        AssertOnly(Validate(WithMeasure(SeedTemplates.Disbursed with { Multiplier = 0 })), $"{Loan}.source.measure.multiplier");

    [Fact]
    public void Alert_ids_are_unique_within_the_indicator_and_need_a_sample()
    {
        var errors = Validate(WithIndicator(0, 1, i => i with
        {
            Alerts = [new AlertRule("over5", Comparator.GreaterThan, 5, MinSamples: 0), new AlertRule("over5", Comparator.GreaterThan, 7)],
        }));

        AssertOnly(errors, $"{BadDebt}.alerts[0].minSamples", $"{BadDebt}.alerts[1].id");
    }

    [Fact]
    public void Paths_start_at_the_given_root()
    {
        var error = Assert.Single(TemplateValidator.Validate(WithIndicator(0, 0, i => i with { Target = 0 }), SeedTemplates.EventTypes, "templates[2]"));

        Assert.Equal("templates[2].sections[0].indicators[0].target", error.Item);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var template = WithIndicator(0, 0, i => i with { Target = 0, Weight = 10, Source = new IndicatorSource(SourceKind.Measure, new Measure(MeasureKind.Sum, "loan.approved", "amount")) });

        AssertOnly(
            Validate(template),
            "template.sections[0].indicators",
            $"{Loan}.target",
            $"{Loan}.source.measure.eventType");
    }
}
