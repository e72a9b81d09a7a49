using Pulse.Organisation;
using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// March 2031 of the seed company as seeded (200 people: 业务部 B001–B100, 运营部 O001–O060, 技术部 T001–T040; 总部
/// without a manager, so HR rates the three department heads), generated
/// deterministically: every event the templates bind (loans, defaults, complaints, tickets, trainings, releases, bugs)
/// and the rating each manager gives. A seeded generator per person gives a spread in which both quotas bite (more than
/// 20% reach A, fewer than 10% fall to D); a few people are written by hand for the edges the rules name:
/// <list type="bullet">
/// <item>B098 and T040 tie at 84.00 with different quantitative scores (94.28 and 85.00): the quantitative score decides.</item>
/// <item>B099 and B100 are the same month twice: the employee id decides.</item>
/// <item>B097 has no event at all (a loan volume of 0; both ratios have nothing to divide); T039 only bugs, no release
/// (no quantitative score at all: the composite is the rating alone); O060 no ticket, two trainings.</item>
/// </list>
/// </summary>
public sealed class SeedMonth
{
    public const string Month = "2031-03";
    public const int People = 200;

    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private readonly List<PlannedEvent> _events = [];
    private readonly Dictionary<string, int> _ratings = new(StringComparer.Ordinal);

    private SeedMonth()
    {
        // As seeded: 总部 has no manager, so nobody is above the three department heads and HR rates them.
        Organisation = DemoCompany.Document(People);
        foreach (var employee in Organisation.Employees!)
        {
            var number = int.Parse(employee.Id[1..], System.Globalization.CultureInfo.InvariantCulture);
            if (Written(employee.Id)) continue;
            var random = new Random((employee.Id[0] * 1000) + number);
            switch (employee.Id[0])
            {
                case 'B': Sales(employee.Id, random); break;
                case 'O': Operations(employee.Id, random); break;
                default: Engineering(employee.Id, random); break;
            }
        }
    }

    public OrganisationDocument Organisation { get; }

    public IReadOnlyList<PlannedEvent> Events => _events;

    /// <summary>Each participant's rating of their one behavioural indicator (1–5).</summary>
    public IReadOnlyDictionary<string, int> Ratings => _ratings;

    public static SeedMonth Generate() => new();

    /// <summary>The rated indicator of the person's template: 工作态度 in 业务部 and 运营部, 团队协作评分 in 技术部.</summary>
    public static string RatedIndicator(string employeeId) => employeeId[0] == 'T' ? "teamwork" : "attitude";

    public IEnumerable<PlannedEvent> EventsOf(string employeeId) => _events.Where(e => e.EmployeeId == employeeId);

    private void Sales(string id, Random random)
    {
        var weak = random.Next(100) < 5;
        var loans = weak ? random.Next(2, 5) : random.Next(5, 11);
        for (var i = 0; i < loans; i++) Add(id, "loan.disbursed", random, amount: 10_000m * random.Next(weak ? 5 : 6, weak ? 16 : 17));
        if (random.Next(100) < (weak ? 70 : 30)) Add(id, "loan.defaulted", random, amount: 1_000m * random.Next(5, weak ? 120 : 60));
        for (var i = random.Next(weak ? 1 : 0, 3); i > 0; i--) Add(id, "complaint.received", random);
        Rate(id, weak ? random.Next(1, 4) : random.Next(3, 6));
    }

    private void Operations(string id, Random random)
    {
        var weak = random.Next(100) < 5;
        for (var i = random.Next(8, 21); i > 0; i--)
        {
            Add(id, "ticket.processed", random, minutes: random.Next(weak ? 40 : 20, weak ? 120 : 61), flag: random.Next(100) < (weak ? 15 : 3));
        }
        for (var i = random.Next(weak ? 0 : 2, 6); i > 0; i--) Add(id, "training.completed", random);
        Rate(id, weak ? random.Next(1, 4) : random.Next(3, 6));
    }

    private void Engineering(string id, Random random)
    {
        var weak = random.Next(100) < 5;
        var releases = random.Next(3, 11);
        for (var i = 0; i < releases; i++) Add(id, "project.released", random, flag: random.Next(100) < (weak ? 60 : 85));
        for (var i = random.Next(0, releases * (weak ? 6 : 4)); i > 0; i--) Add(id, "bug.reported", random);
        Rate(id, weak ? random.Next(1, 4) : random.Next(3, 6));
    }

    /// <summary>The people written by hand; true when <paramref name="id"/> is one of them.</summary>
    private bool Written(string id)
    {
        var random = new Random(id.Aggregate(17, (hash, c) => (hash * 31) + c)); // only for the days: the values are fixed
        switch (id)
        {
            case "B097":
                Rate(id, 3);
                return true;
            case "B098":
                // 918,300 of 1,000,000 scores 91.83; no default, no complaint: 0.7 × (0.7 × 91.83 + 20 + 10) + 0.3 × 60 = 83.9967 → 84.00.
                foreach (var amount in new[] { 300_000m, 300_000m, 318_300m }) Add(id, "loan.disbursed", random, amount: amount);
                Rate(id, 3);
                return true;
            case "T040":
                // 9 of 10 on time scores 100, 36 bugs in 10 releases (3.6) scores 60: 0.8 × (62.5 + 22.5) + 0.2 × 80 = 84.00.
                for (var i = 0; i < 10; i++) Add(id, "project.released", random, flag: i != 4);
                for (var i = 0; i < 36; i++) Add(id, "bug.reported", random);
                Rate(id, 4);
                return true;
            case "B099" or "B100":
                for (var i = 0; i < 5; i++) Add(id, "loan.disbursed", random, amount: 150_000m);
                Add(id, "loan.defaulted", random, amount: 15_000m);
                Add(id, "complaint.received", random);
                Rate(id, 4);
                return true;
            case "T039":
                Add(id, "bug.reported", random);
                Add(id, "bug.reported", random);
                Rate(id, 3);
                return true;
            case "O060":
                Add(id, "training.completed", random);
                Add(id, "training.completed", random);
                Rate(id, 3);
                return true;
            default:
                return false;
        }
    }

    private void Rate(string id, int rating) => _ratings[id] = rating;

    private void Add(string id, string type, Random random, decimal amount = 0, int minutes = 0, bool flag = false)
    {
        // A working day of March between 09:00 and 18:00 Shanghai time.
        var at = new DateTimeOffset(2031, 3, random.Next(1, 32), 9, 0, 0, Shanghai).AddMinutes(random.Next(0, 9 * 60));
        _events.Add(new PlannedEvent($"{Month}-{id}-{_events.Count:00000}", type, id, at, amount, minutes, flag));
    }
}
