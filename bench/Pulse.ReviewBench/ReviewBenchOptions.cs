using System.Globalization;
using Pulse.Scoring;

namespace Pulse.ReviewBench;

/// <summary>What one review bench run does; every value has a default and a command-line switch.</summary>
public sealed class ReviewBenchOptions
{
    public Uri? Url { get; set; }

    /// <summary>A second silo of the same cluster (another build): the trend requests alternate between the two.</summary>
    public Uri? CompareUrl { get; set; }
    public string? OperatorKey { get; set; } = Environment.GetEnvironmentVariable("PULSE_OPERATOR_KEY");
    public string Tenant { get; set; } = "review" + Guid.NewGuid().ToString("N")[..8];
    public int Employees { get; set; } = 500;

    /// <summary>
    /// The month closed: by default the month before last in the seed's zone (Asia/Shanghai), whose grace window is
    /// over whatever the day (at most 28 days), so opening it brings it to rating and the freeze at once.
    /// </summary>
    public string Month { get; set; } = Period.Previous(Period.Previous(Period.Of(DateTimeOffset.UtcNow, Period.Zone("Asia/Shanghai"))));

    /// <summary>Months of final results imported before <see cref="Month"/>.</summary>
    public int HistoryMonths { get; set; } = 24;

    /// <summary>Months the trend covers, ending with <see cref="Month"/>.</summary>
    public int TrendMonths { get; set; } = 24;

    public int EventsPerEmployee { get; set; } = 20;
    public int Requests { get; set; } = 200;
    public int Clients { get; set; } = 4;
    public int WarmupRequests { get; set; } = 20;
    public bool Json { get; set; }

    public static ReviewBenchOptions Parse(string[] args)
    {
        var o = new ReviewBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--url": o.Url = new Uri(Next()); break;
                case "--compare-url": o.CompareUrl = new Uri(Next()); break;
                case "--tenant": o.Tenant = Next(); break;
                case "--employees": o.Employees = Int(); break;
                case "--month": o.Month = Next(); break;
                case "--history-months": o.HistoryMonths = Int(); break;
                case "--trend-months": o.TrendMonths = Int(); break;
                case "--events-per-employee": o.EventsPerEmployee = Int(); break;
                case "--requests": o.Requests = Int(); break;
                case "--clients": o.Clients = Int(); break;
                case "--warmup-requests": o.WarmupRequests = Int(); break;
                case "--json": o.Json = true; break;
                case "--help":
                    Console.WriteLine("""
                        Pulse review bench: closing and approving a month, and the department trend report. Needs a running
                        silo and PULSE_OPERATOR_KEY (bench/review.sh does both).
                          --url URL                the silo (required)
                          --employees N            size of the seed company created for the run (500)
                          --month yyyy-MM          the month closed (the month before last in Asia/Shanghai)
                          --history-months N       months of final results imported before it (24)
                          --events-per-employee N  business events posted into the month, on average (20)
                          --trend-months N         months the trend covers, ending with the month closed (24)
                          --requests N             trend requests measured (200) after --warmup-requests N (20)
                          --clients N              concurrent trend clients (4)
                          --compare-url URL        a second silo of the cluster (another build): trend requests alternate
                                                   between the two and each is reported
                          --json                   also print one RESULT {json} line
                        Close: HR opens the month (reviews started, rating, the freeze), reads the calibration (composites,
                        quotas), approves (grades, publication, pay lines, archive) and downloads the pay export as CSV and XLSX.
                        """);
                    Environment.Exit(0);
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Url is null) throw new ArgumentException("--url is required");
        if (string.IsNullOrEmpty(o.OperatorKey)) throw new ArgumentException("PULSE_OPERATOR_KEY must be set");
        if (!Period.IsValid(o.Month)) throw new ArgumentException("--month must be yyyy-MM");
        if (o.TrendMonths is < 1 or > 36) throw new ArgumentException("--trend-months must be 1 to 36");
        if (o.Clients < 1 || o.Requests < 1) throw new ArgumentException("--clients and --requests must be at least 1");
        return o;
    }
}
