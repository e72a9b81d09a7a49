using System.Globalization;
using System.Text.Json.Nodes;
using Pulse.Organisation;

namespace Pulse.Silo.Demo;

/// <summary>
/// Makes business events for the demo company's staff that look like a real month at every moment of it, however
/// many events per second the simulator sends.
/// </summary>
/// <remarks>
/// Each employee has a steady ability (<see cref="DemoAbility"/>). Whatever accumulates over a month (loan volume,
/// courses completed) is paced: a moment of work that stands for <c>covers</c> of the month adds ability × monthly
/// target × that share, so month-to-date attainment follows ability × (time elapsed ÷ month length) whether the month
/// arrives in a thousand moments or in millions. Rates and averages (bad debt, complaints, processing time, errors,
/// on-time releases, bugs per release) do not depend on how many events there are; ability sets them too. One
/// salesperson in ten is risky: their bad-debt rate hovers around the 5% alert line, so it crosses now and then.
/// </remarks>
public sealed class DemoEventFactory(Random random, DemoAbility ability)
{
    public const decimal LoanTarget = 1_000_000m;
    public const decimal TrainingTarget = 4m;

    /// <summary>
    /// The events one employee produces in a moment of work at <paramref name="at"/> (in the tenant's offset), a moment
    /// that stands for <paramref name="covers"/> of that employee's month.
    /// </summary>
    public IEnumerable<JsonObject> For(Employee employee, DateTimeOffset at, TimeSpan covers)
    {
        var skill = ability.Of(employee.Id);
        var share = (decimal)(covers.TotalSeconds / MonthLength(at).TotalSeconds);
        switch (employee.DepartmentId)
        {
            case DemoCompany.Business:
                var amount = Math.Max(0.01m, Math.Round(skill * LoanTarget * share * Noise(0.5), 2));
                yield return Event("loan.disbursed", employee, at, new JsonObject { ["amount"] = amount, ["product"] = random.Next(3) switch { 0 => "消费贷", 1 => "经营贷", _ => "车贷" } });
                if (Chance(ability.DefaultRate(employee.Id))) yield return Event("loan.defaulted", employee, at, new JsonObject { ["amount"] = amount });
                if (Chance(0.07m - (0.04m * skill))) yield return Event("complaint.received", employee, at, new JsonObject { ["channel"] = "热线" });
                break;
            case DemoCompany.Operations:
                var minutes = Math.Round(30m / skill * Noise(0.4), 1);
                yield return Event("ticket.processed", employee, at, new JsonObject { ["minutes"] = minutes, ["hasError"] = Chance(0.02m / skill) });
                if (Chance(skill * TrainingTarget * share)) yield return Event("training.completed", employee, at, new JsonObject { ["course"] = "合规培训" });
                break;
            case DemoCompany.Technology:
                // Releases and bugs only ever meet as a ratio, so their frequency per moment is free; ability sets the ratio.
                if (Chance(0.3m)) yield return Event("project.released", employee, at, new JsonObject { ["onTime"] = Chance(0.9m * skill) });
                for (var bugs = Count(0.3m * 2m / skill); bugs > 0; bugs--)
                {
                    yield return Event("bug.reported", employee, at, new JsonObject { ["severity"] = random.Next(4) == 0 ? "high" : "low" });
                }
                break;
        }
    }

    /// <summary>The length of the calendar month <paramref name="at"/> falls in.</summary>
    public static TimeSpan MonthLength(DateTimeOffset at) => TimeSpan.FromDays(DateTime.DaysInMonth(at.Year, at.Month));

    private bool Chance(decimal probability) => (decimal)random.NextDouble() < probability;

    // A whole number of events whose mean is the expected count.
    private int Count(decimal expected) => (int)expected + (Chance(expected - (int)expected) ? 1 : 0);

    // Uniform between 1 - spread and 1 + spread: mean 1, so paced totals stay on course.
    private decimal Noise(double spread) => (decimal)(1 - spread + (random.NextDouble() * 2 * spread));

    private static JsonObject Event(string type, Employee employee, DateTimeOffset at, JsonObject data) => new()
    {
        ["id"] = Guid.NewGuid().ToString("N"),
        ["type"] = type,
        ["employeeId"] = employee.Id,
        ["occurredAt"] = at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        ["data"] = data,
        ["source"] = "demo-simulator",
    };
}
