using Pulse.Organisation;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

/// <summary>The seed company's 业务部 template and the event types its business systems register.</summary>
internal static class SeedTemplates
{
    public static readonly Measure Disbursed = new(MeasureKind.Sum, "loan.disbursed", "amount");

    public static readonly Indicator LoanVolume = new(
        "loan_volume",
        new LocalizedText("月度贷款额度", "Monthly loan volume"),
        70,
        new IndicatorSource(SourceKind.Measure, Disbursed),
        1_000_000m,
        Unit: "CNY");

    public static readonly Indicator BadDebt = new(
        "bad_debt",
        new LocalizedText("坏账率", "Bad-debt rate"),
        20,
        new IndicatorSource(SourceKind.Measure, new Measure(
            MeasureKind.Ratio,
            Numerator: new Measure(MeasureKind.Sum, "loan.defaulted", "amount"),
            Denominator: Disbursed,
            Multiplier: 100)),
        3m,
        Direction.LowerIsBetter,
        "%",
        new ScoringRule(ZeroScoreAt: 8m),
        [new AlertRule("over5", Comparator.GreaterThan, 5m, MinSamples: 1)]);

    public static readonly Indicator ComplaintRate = new(
        "complaint_rate",
        new LocalizedText("客户投诉率", "Complaint rate"),
        10,
        new IndicatorSource(SourceKind.Measure, new Measure(
            MeasureKind.Ratio,
            Numerator: new Measure(MeasureKind.Count, "complaint.received"),
            Denominator: new Measure(MeasureKind.Count, "loan.disbursed"),
            Multiplier: 100)),
        5m,
        Direction.LowerIsBetter,
        "%");

    public static readonly Indicator Teamwork = new(
        "teamwork",
        new LocalizedText("团队协作", "Teamwork"),
        100,
        new IndicatorSource(SourceKind.Rating),
        5m);

    public static readonly KpiTemplate Business = new(
        "business",
        new LocalizedText("业务部绩效模板", "Business KPIs"),
        [
            new KpiSection("quantitative", new LocalizedText("量化指标", "Quantitative"), 70, [LoanVolume, BadDebt, ComplaintRate]),
            new KpiSection("behavioural", new LocalizedText("行为指标", "Behavioural"), 30, [Teamwork]),
        ]);

    public static readonly IReadOnlyDictionary<string, EventTypeDefinition> EventTypes =
        new Dictionary<string, EventTypeDefinition>
        {
            ["loan.disbursed"] = new("loan.disbursed", [
                new("amount", FieldKind.Number, Required: true),
                new("product", FieldKind.String),
                new("secured", FieldKind.Boolean),
                new("term", FieldKind.Number),
            ]),
            ["loan.defaulted"] = new("loan.defaulted", [new("amount", FieldKind.Number, Required: true)]),
            ["complaint.received"] = new("complaint.received", [new("severity", FieldKind.String)]),
            ["call.logged"] = new("call.logged", [new("minutes", FieldKind.Number), new("channel", FieldKind.String)]),
        };
}
