using System.Text.Json.Nodes;
using Pulse.Events;
using Pulse.Organisation;
using Pulse.Scoring;
using Pulse.Silo.Demo;
using Pulse.Templates;

namespace Pulse.Silo.Tests;

/// <summary>
/// The demo's figures look like the day of a real month they are read on, however fast the simulator sends: a spread
/// of performers, a few at risk, 坏账率 over its alert line for some salespeople — never everyone at the cap.
/// </summary>
public sealed class DemoPacingTests
{
    // The 20th of a 30-day month has just ended: two thirds of it have passed.
    private static readonly DateTimeOffset MonthStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Now = MonthStart.AddDays(20);
    private const decimal Elapsed = 20m / 30m;

    private static readonly Employee[] Staff = DemoCompany.Document(200).Employees ?? [];
    private static readonly DemoAbility Ability = new();

    [Theory]
    [InlineData(80)]    // a moment every six hours, as the back-fill sends
    [InlineData(800)]   // ten times as many: a faster simulator
    public void Month_to_date_loan_volume_follows_ability_times_the_share_of_the_month_at_any_rate(int momentsPerEmployee)
    {
        var month = Simulate(momentsPerEmployee, seed: 7);

        var sales = month.Where(m => m.Employee.DepartmentId == DemoCompany.Business).ToArray();
        var errors = sales.Select(m => Math.Abs(Attainment(m, "loan-volume") - (Ability.Of(m.Employee.Id) * Elapsed * 100m)) / (Ability.Of(m.Employee.Id) * Elapsed * 100m)).ToArray();
        Assert.True(errors.Average() < 0.1m, $"mean error {errors.Average():P1} of the paced attainment");
        Assert.True(errors.Max() < 0.4m, $"largest error {errors.Max():P1} of the paced attainment");
    }

    [Fact]
    public void The_company_on_the_twentieth_shows_a_spread_a_few_at_risk_and_some_bad_debt_alerts()
    {
        var month = Simulate(momentsPerEmployee: 80, seed: 7);

        var composites = month.Select(m => m.Scorecard.Composite!.Value).ToArray();
        Assert.True(composites.Max() - composites.Min() >= 25, $"composites from {composites.Min()} to {composites.Max()}");

        var sales = month.Where(m => m.Employee.DepartmentId == DemoCompany.Business).ToArray();
        var atTarget = sales.Count(m => Attainment(m, "loan-volume") >= 100);
        Assert.True(atTarget <= sales.Length / 10, $"{atTarget} of {sales.Length} salespeople already at their monthly target on the 20th");

        var breached = sales.Count(m => m.Accumulator.BreachedAlerts.Count > 0);
        Assert.True(breached >= 1 && breached <= sales.Length / 10, $"{breached} of {sales.Length} salespeople over the 坏账率 alert line");

        // At risk as the department views count it: on pace to end the month below 60, or an alert breached.
        var atRisk = month.Count(m => m.Scorecard.ProjectedComposite < 60 || m.Accumulator.BreachedAlerts.Count > 0);
        Assert.True(atRisk >= 3 && atRisk <= month.Length / 5, $"{atRisk} of {month.Length} at risk");
    }

    private static decimal Attainment(EmployeeMonth month, string indicatorId) =>
        month.Scorecard.Sections.SelectMany(s => s.Indicators).Single(i => i.Id == indicatorId).Attainment!.Value;

    /// <summary>Generates this month so far as the demo's back-fill does, and scores every employee's events.</summary>
    private static EmployeeMonth[] Simulate(int momentsPerEmployee, int seed)
    {
        var random = new Random(seed);
        var factory = new DemoEventFactory(random, Ability);
        var templates = new Dictionary<string, KpiTemplate>
        {
            [DemoCompany.Business] = DemoCompany.BusinessTemplate(),
            [DemoCompany.Operations] = DemoCompany.OperationsTemplate(),
            [DemoCompany.Technology] = DemoCompany.TechnologyTemplate(),
        };
        var covers = (Now - MonthStart) / momentsPerEmployee;
        return [.. Staff.Select(employee =>
        {
            var plan = TemplatePlan.Compile(templates[employee.DepartmentId]);
            var accumulator = new PeriodAccumulator();
            var moments = Enumerable.Range(0, momentsPerEmployee).Select(_ => MonthStart + ((Now - MonthStart) * random.NextDouble())).Order().ToArray();
            var seq = 0L;
            foreach (var at in moments)
            {
                foreach (var e in factory.For(employee, at, covers)) plan.Fold(accumulator, ToEvent(e), ++seq);
            }
            return new EmployeeMonth(employee, accumulator, ScoreCalculator.Score(plan, accumulator, new Dictionary<string, decimal>(), Elapsed, "zh-CN"));
        })];
    }

    private static BusinessEvent ToEvent(JsonObject e) => new(
        e["id"]!.GetValue<string>(), e["type"]!.GetValue<string>(), e["employeeId"]!.GetValue<string>(),
        DateTimeOffset.Parse(e["occurredAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), e["data"]!.ToJsonString());

    private sealed record EmployeeMonth(Employee Employee, PeriodAccumulator Accumulator, Scorecard Scorecard);
}
