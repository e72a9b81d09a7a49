using Pulse.Organisation;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Services;
using Pulse.Templates;

namespace Pulse.Reviews;

/// <summary>
/// The reports HR and managers decide from, read from the results archive (one indexed query per report, the trend
/// from the archive's month totals rather than its rows; no grain call per row) and, for the open month, from the live
/// performance. Each answer is checked against the caller first. A row that cannot be read, or holds a composite or
/// score outside 0–200, is left out and counted: one bad row never breaks a report.
/// </summary>
public sealed class ReviewReports(IReviewArchive archive, PerformanceReader performance, TimeProvider clock)
{
    /// <summary>The longest range a trend covers.</summary>
    public const int MaxMonths = 36;

    /// <summary>Rows one report reads at most: 36 months of a 5,000-person company.</summary>
    public const int MaxRows = 200_000;

    public const decimal MaxComposite = ArchiveBounds.MaxComposite;

    private const int HistoryMonths = 6;

    public async Task<Answer<TrendReport>> TrendAsync(CallerContext context, string departmentId, string? from, string? to, CancellationToken cancellationToken = default)
    {
        if (!context.Allows(Permission.DepartmentPerformanceRead, departmentId)) return Answers.Forbidden<TrendReport>();
        var errors = RangeErrors(from, to);
        if (errors.Length > 0) return Answers.Invalid<TrendReport>(errors);
        if (context.Rules.FindDepartment(departmentId) is null) return Answers.NotFound<TrendReport>($"Department '{departmentId}' does not exist.");

        var departments = SelfAndBelow(context.Rules, departmentId);
        var totals = await archive.TotalsAsync(context.TenantId, new ArchiveQuery(from!, to!, departments), cancellationToken);
        var open = OpenPeriod(context);
        var names = IndicatorNames(context.Rules);
        var (months, skipped) = TrendMonths.Of(totals, open, names);
        if (string.CompareOrdinal(from, open) <= 0 && string.CompareOrdinal(open, to) <= 0)
        {
            var live = await performance.GetDepartmentAsync(context, departmentId, null);
            if (live.Value is { } department) months.Add(LiveMonth(open, department, names));
        }

        return Answers.Ok(new TrendReport(departmentId, from!, to!, [.. months.OrderBy(m => m.Period, StringComparer.Ordinal)], skipped));
    }

    public async Task<Answer<DistributionReport>> DistributionAsync(CallerContext context, string? period, string? departmentId, CancellationToken cancellationToken = default)
    {
        var allowed = departmentId is null ? context.Allows(Permission.OverviewRead) : context.Allows(Permission.DepartmentPerformanceRead, departmentId);
        if (!allowed) return Answers.Forbidden<DistributionReport>();
        if (!PeriodQuery.IsValid(period)) return Answers.Invalid<DistributionReport>("period", PeriodQuery.Rule);
        if (departmentId is not null && context.Rules.FindDepartment(departmentId) is null)
            return Answers.NotFound<DistributionReport>($"Department '{departmentId}' does not exist.");

        var open = OpenPeriod(context);
        List<RankedResult> scored;
        var skipped = 0;
        if (period == open)
        {
            scored = await LiveCompositesAsync(context, departmentId);
        }
        else
        {
            var departments = departmentId is null ? null : SelfAndBelow(context.Rules, departmentId);
            var read = await archive.ReadAsync(context.TenantId, new ArchiveQuery(period!, period!, departments), MaxRows, cancellationToken);
            (var rows, skipped) = Sane(read);
            scored = [.. rows.Where(r => r.Result.Composite is not null).Select(r => Ranked(context.Rules, r.Result))];
        }

        return Answers.Ok(Distribution.Of(period!, departmentId, period == open, scored, skipped));
    }

    public async Task<Answer<ImprovementReport>> ImprovementAsync(CallerContext context, string employeeId, string? period, CancellationToken cancellationToken = default)
    {
        if (!context.Allows(Permission.EmployeePerformanceRead, employeeId)) return Answers.Forbidden<ImprovementReport>();
        if (!PeriodQuery.IsValid(period)) return Answers.Invalid<ImprovementReport>("period", PeriodQuery.Rule);

        var first = period!;
        for (var i = 1; i < HistoryMonths; i++) first = Period.Previous(first);
        var own = await archive.ReadAsync(context.TenantId, new ArchiveQuery(first, period!, EmployeeId: employeeId), HistoryMonths, cancellationToken);
        var (history, skipped) = Sane(own);
        var current = history.FirstOrDefault(r => r.Period == period)?.Result;
        if (current is null) return Answers.NotFound<ImprovementReport>($"No archived result for employee '{employeeId}' in {period}.");

        var peers = await archive.ReadAsync(context.TenantId, new ArchiveQuery(period!, period!, [current.DepartmentId]), MaxRows, cancellationToken);
        var (department, skippedPeers) = Sane(peers);
        var previous = history.FirstOrDefault(r => r.Period == Period.Previous(period!))?.Result;
        return Answers.Ok(Improvement.Of(employeeId, period!, current, previous, [.. department.Select(r => r.Result)], history, IndicatorNames(context.Rules), skipped + skippedPeers));
    }

    public async Task<Answer<PayrollSummary>> PayrollAsync(CallerContext context, string? period, CancellationToken cancellationToken = default)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<PayrollSummary>();
        if (!PeriodQuery.IsValid(period)) return Answers.Invalid<PayrollSummary>("period", PeriodQuery.Rule);
        var read = await archive.ReadAsync(context.TenantId, ArchiveQuery.Month(period!), MaxRows, cancellationToken);
        var (rows, skipped) = Sane(read);
        var departments = rows.Select(r => r.Result).GroupBy(r => r.DepartmentId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PayrollDepartmentLine(g.Key, context.Rules.FindDepartment(g.Key)?.Name, g.Count(), g.Sum(r => r.PayAmount ?? 0m),
                [.. g.GroupBy(r => r.Grade ?? "", StringComparer.Ordinal).OrderBy(x => x.Key, StringComparer.Ordinal)
                    .Select(x => new PayrollGradeLine(x.Key, x.Count(), x.Sum(r => r.PayAmount ?? 0m)))]))
            .ToList();
        var currency = rows.Select(r => r.Result.Currency).FirstOrDefault(c => c is not null);
        return Answers.Ok(new PayrollSummary(period!, currency, departments.Sum(d => d.Headcount), departments.Sum(d => d.Amount), departments, skipped));
    }

    /// <summary>The errors of a from–to range: both months, in order, at most <see cref="MaxMonths"/>.</summary>
    public static ValidationError[] RangeErrors(string? from, string? to)
    {
        var errors = new List<ValidationError>();
        if (!PeriodQuery.IsValid(from)) errors.Add(new ValidationError("from", PeriodQuery.Rule));
        if (!PeriodQuery.IsValid(to)) errors.Add(new ValidationError("to", PeriodQuery.Rule));
        if (errors.Count > 0) return [.. errors];
        var (fy, fm) = Period.Parse(from!);
        var (ty, tm) = Period.Parse(to!);
        var months = (ty - fy) * 12 + tm - fm + 1;
        if (months < 1) errors.Add(new ValidationError("to", "must not be before 'from'"));
        else if (months > MaxMonths) errors.Add(new ValidationError("to", $"the range covers {months} months; at most {MaxMonths}"));
        return [.. errors];
    }

    private string OpenPeriod(CallerContext context) => Period.Of(clock.GetUtcNow(), context.Rules.TimeZone);

    private static List<string> SelfAndBelow(CompiledRules rules, string departmentId) =>
        [.. rules.Rules.Departments.Where(d => rules.SelfAndAncestors(d.Id).Any(a => a.Id == departmentId)).Select(d => d.Id)];

    /// <summary>Rows whose numbers are within bounds; the others are counted with those the store could not read.</summary>
    private static (List<ArchivedMonthResult> Rows, int Skipped) Sane(ArchiveRead read)
    {
        var rows = read.Rows.Where(r => ArchiveBounds.IsSane(r.Result)).ToList();
        return (rows, read.Skipped + read.Rows.Count - rows.Count);
    }

    private static Dictionary<string, LocalizedText> IndicatorNames(CompiledRules rules)
    {
        var names = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var template in rules.Rules.Templates.OrderBy(t => t.Version))
        {
            foreach (var indicator in template.Sections.SelectMany(s => s.Indicators)) names[indicator.Id] = indicator.Name;
        }

        return names;
    }

    private static TrendMonth LiveMonth(string period, DepartmentPerformance live, Dictionary<string, LocalizedText> names) =>
        new(period, true, live.Reporting, live.AverageComposite,
            [.. live.IndicatorAverages.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new IndicatorAverage(kv.Key, names.GetValueOrDefault(kv.Key), null, kv.Value, live.Reporting))]);

    internal static decimal? Average(IReadOnlyCollection<decimal> values) => Average(values.Sum(), values.Count);

    internal static decimal? Average(decimal sum, int count) =>
        count == 0 ? null : Math.Round(sum / count, 2, MidpointRounding.AwayFromZero);

    private async Task<List<RankedResult>> LiveCompositesAsync(CallerContext context, string? departmentId)
    {
        var roots = departmentId is null ? context.Rules.Rules.Departments.Where(d => d.ParentId is null).Select(d => d.Id).ToList() : [departmentId];
        var results = new List<RankedResult>();
        foreach (var root in roots)
        {
            var team = await performance.GetTeamAsync(context, root, null);
            foreach (var member in team.Value ?? [])
            {
                if (member.Performance?.Composite is { } composite)
                    results.Add(new RankedResult(member.EmployeeId, member.Name, member.DepartmentId, composite, null));
            }
        }

        return results;
    }

    private static RankedResult Ranked(CompiledRules rules, ArchivedResult result) =>
        new(result.EmployeeId, rules.Employees.TryGetValue(result.EmployeeId, out var employee) ? employee.Name : null, result.DepartmentId, result.Composite!.Value, result.Grade);
}
