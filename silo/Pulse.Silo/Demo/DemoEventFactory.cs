using System.Text.Json.Nodes;
using Pulse.Organisation;

namespace Pulse.Silo.Demo;

/// <summary>
/// Makes plausible business events for the demo company's staff. One in ten salespeople is 'risky' and defaults
/// often enough to push 坏账率 over the 5% alert line now and then.
/// </summary>
public sealed class DemoEventFactory(Random random)
{
    /// <summary>The events one employee produces in a moment of work at <paramref name="at"/>.</summary>
    public IEnumerable<JsonObject> For(Employee employee, DateTimeOffset at)
    {
        switch (employee.DepartmentId)
        {
            case DemoCompany.Business:
                var amount = Math.Round((decimal)(20_000 + (random.NextDouble() * 100_000)), 0);
                yield return Event("loan.disbursed", employee, at, new JsonObject { ["amount"] = amount, ["product"] = random.Next(3) switch { 0 => "消费贷", 1 => "经营贷", _ => "车贷" } });
                var risky = employee.Id.EndsWith('7');
                if (random.NextDouble() < (risky ? 0.12 : 0.02)) yield return Event("loan.defaulted", employee, at, new JsonObject { ["amount"] = amount });
                if (random.NextDouble() < 0.04) yield return Event("complaint.received", employee, at, new JsonObject { ["channel"] = "热线" });
                break;
            case DemoCompany.Operations:
                var minutes = Math.Round((decimal)(10 + (random.NextDouble() * 50)), 1);
                yield return Event("ticket.processed", employee, at, new JsonObject { ["minutes"] = minutes, ["hasError"] = random.NextDouble() < 0.03 });
                if (random.NextDouble() < 0.03) yield return Event("training.completed", employee, at, new JsonObject { ["course"] = "合规培训" });
                break;
            case DemoCompany.Technology:
                if (random.NextDouble() < 0.3) yield return Event("project.released", employee, at, new JsonObject { ["onTime"] = random.NextDouble() < 0.85 });
                if (random.NextDouble() < 0.5) yield return Event("bug.reported", employee, at, new JsonObject { ["severity"] = random.Next(4) == 0 ? "high" : "low" });
                break;
        }
    }

    private static JsonObject Event(string type, Employee employee, DateTimeOffset at, JsonObject data) => new()
    {
        ["id"] = Guid.NewGuid().ToString("N"),
        ["type"] = type,
        ["employeeId"] = employee.Id,
        ["occurredAt"] = at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
        ["data"] = data,
        ["source"] = "demo-simulator",
    };
}
