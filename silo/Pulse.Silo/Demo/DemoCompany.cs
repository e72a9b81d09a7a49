using Pulse.Organisation;
using Pulse.Templates;

namespace Pulse.Silo.Demo;

/// <summary>
/// The seed company of the product's story: an internet-finance firm with 业务部, 运营部 and 技术部 under one head
/// office, their indicators and weights, and a generated staff. Quantitative 70% / behavioural 30% (技术部 80% / 20%,
/// so that its indicators weigh what the seed says); 坏账率 above 5% raises an alert.
/// </summary>
public static class DemoCompany
{
    public const string Business = "biz";
    public const string Operations = "ops";
    public const string Technology = "tech";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晨", "悦", "浩然", "子涵", "雨桐", "思远", "欣怡", "嘉豪"];

    public static TenantSettings Settings(string tenantId) => new(tenantId, "示例金融科技有限公司", "Asia/Shanghai", "zh-CN", "CNY");

    public static OrganisationDocument Document(int employees)
    {
        var business = employees / 2;
        var operations = employees * 3 / 10;
        var technology = employees - business - operations;
        var staff = Staff("B", Business, business, 8_000m)
            .Concat(Staff("O", Operations, operations, 6_000m))
            .Concat(Staff("T", Technology, technology, 10_000m))
            .ToArray();
        return new OrganisationDocument(
            EventTypes(),
            [BusinessTemplate(), OperationsTemplate(), TechnologyTemplate()],
            [
                new Department("hq", "总部"),
                new Department(Business, "业务部", "hq", ["B001"], "business"),
                new Department(Operations, "运营部", "hq", ["O001"], "operations"),
                new Department(Technology, "技术部", "hq", ["T001"], "technology"),
            ],
            staff);
    }

    public static EventTypeDefinition[] EventTypes() =>
    [
        new("loan.disbursed", [new("amount", FieldKind.Number, true, Minimum: 0), new("product", FieldKind.String, MaxLength: 100)], "贷款放款"),
        new("loan.defaulted", [new("amount", FieldKind.Number, true, Minimum: 0)], "贷款违约"),
        new("complaint.received", [new("channel", FieldKind.String)], "客户投诉"),
        new("ticket.processed", [new("minutes", FieldKind.Number, true, Minimum: 0), new("hasError", FieldKind.Boolean, true)], "流程工单处理完成"),
        new("training.completed", [new("course", FieldKind.String)], "培训完成"),
        new("project.released", [new("onTime", FieldKind.Boolean, true)], "项目上线"),
        new("bug.reported", [new("severity", FieldKind.String)], "缺陷报告"),
    ];

    public static KpiTemplate BusinessTemplate() => new("business", new("业务部绩效模板", "Business KPIs"),
    [
        new("quantitative", new("量化指标", "Quantitative"), 70,
        [
            new("loan-volume", new("月度贷款额度", "Monthly loan volume"), 70,
                new(SourceKind.Measure, new(MeasureKind.Sum, "loan.disbursed", "amount")), 1_000_000m, Direction.HigherIsBetter, "CNY"),
            new("bad-debt-rate", new("坏账率", "Bad-debt rate"), 20,
                new(SourceKind.Measure, Ratio(new(MeasureKind.Sum, "loan.defaulted", "amount"), new(MeasureKind.Sum, "loan.disbursed", "amount"))),
                3m, Direction.LowerIsBetter, "%", new ScoringRule(ZeroScoreAt: 8m), [new AlertRule("above-5", Comparator.GreaterThan, 5m, 3)]),
            new("complaint-rate", new("客户投诉率", "Complaint rate"), 10,
                new(SourceKind.Measure, Ratio(new(MeasureKind.Count, "complaint.received"), new(MeasureKind.Count, "loan.disbursed"))),
                5m, Direction.LowerIsBetter, "%", new ScoringRule(ZeroScoreAt: 20m)),
        ]),
        Behavioural("工作态度", "Work attitude", "attitude"),
    ]);

    public static KpiTemplate OperationsTemplate() => new("operations", new("运营部绩效模板", "Operations KPIs"),
    [
        new("quantitative", new("量化指标", "Quantitative"), 70,
        [
            new("processing-time", new("流程处理时间", "Processing time"), 60,
                new(SourceKind.Measure, new(MeasureKind.Avg, "ticket.processed", "minutes")), 30m, Direction.LowerIsBetter, "分钟", new ScoringRule(ZeroScoreAt: 90m)),
            new("error-rate", new("差错率", "Error rate"), 30,
                new(SourceKind.Measure, Ratio(new(MeasureKind.Count, "ticket.processed", Filter: new("hasError", "true")), new(MeasureKind.Count, "ticket.processed"))),
                2m, Direction.LowerIsBetter, "%", new ScoringRule(ZeroScoreAt: 10m)),
            new("training", new("培训完成率", "Training completion"), 10,
                new(SourceKind.Measure, new(MeasureKind.Count, "training.completed")), 4m, Direction.HigherIsBetter, "门", new ScoringRule(CapPercent: 100)),
        ]),
        Behavioural("工作态度", "Work attitude", "attitude"),
    ]);

    /// <summary>
    /// The seed's 技术部 weights are the effective ones: 项目上线时间 50%, bug率 30%, 团队协作评分 20%. An indicator counts
    /// with its section's weight times its own, so the quantitative section weighs 80 (62.5% of it is 50, 37.5% is 30)
    /// and the manager-rated section 20.
    /// </summary>
    public static KpiTemplate TechnologyTemplate() => new("technology", new("技术部绩效模板", "Technology KPIs"),
    [
        new("quantitative", new("量化指标", "Quantitative"), 80,
        [
            // The seed's 项目上线时间, measured as the share of releases that went live on time.
            new("on-time-release", new("项目上线时间", "On-time releases"), 62.5m,
                new(SourceKind.Measure, Ratio(new(MeasureKind.Count, "project.released", Filter: new("onTime", "true")), new(MeasureKind.Count, "project.released"))),
                90m, Direction.HigherIsBetter, "%", new ScoringRule(CapPercent: 110)),
            new("bug-rate", new("bug率", "Bugs per release"), 37.5m,
                new(SourceKind.Measure, Ratio(new(MeasureKind.Count, "bug.reported"), new(MeasureKind.Count, "project.released"), 1)),
                2m, Direction.LowerIsBetter, "个/次", new ScoringRule(ZeroScoreAt: 6m)),
        ]),
        Behavioural("团队协作评分", "Teamwork", "teamwork", 20),
    ]);

    private static KpiSection Behavioural(string zh, string en, string id, decimal weight = 30) => new("behavioural", new("行为指标", "Behavioural"), weight,
    [
        new(id, new(zh, en), 100, new(SourceKind.Rating), 5m, Direction.HigherIsBetter, "分"),
    ]);

    private static Measure Ratio(Measure numerator, Measure denominator, decimal multiplier = 100) =>
        new(MeasureKind.Ratio, Numerator: numerator, Denominator: denominator, Multiplier: multiplier);

    private static IEnumerable<Employee> Staff(string prefix, string department, int count, decimal payBase)
    {
        for (var i = 1; i <= count; i++)
        {
            var seed = (prefix[0] * 31) + i;
            var name = Surnames[seed % Surnames.Length] + GivenNames[(seed * 7) % GivenNames.Length];
            yield return new Employee($"{prefix}{i:000}", name, department, i == 1 ? "经理" : "专员", payBase, null, true);
        }
    }
}
