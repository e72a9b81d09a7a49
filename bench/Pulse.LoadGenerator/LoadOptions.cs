using System.Globalization;

namespace Pulse.LoadGenerator;

/// <summary>The command line: a mode and its settings.</summary>
public sealed class LoadOptions
{
    public const string Usage = """
        Pulse load generator: measures acknowledged ingestion throughput and latency, and a traditional baseline.

        usage:
          Pulse.LoadGenerator http     --url http://127.0.0.1:5080 [options]
          Pulse.LoadGenerator baseline --connection "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres" [options]

        http: creates a fresh tenant holding the seed company (3 departments, their templates, --employees staff),
        then --clients concurrent HTTP clients each post JSON arrays of --batch events to POST /api/v1/events.
        Only a 200 whose every item is 'accepted' counts as acknowledged. All request bodies are serialised before
        the clock starts, so the generator's JSON work does not compete with the silo during the run.

        baseline: the traditional design against PostgreSQL: --clients connections, ONE transaction per event that
        inserts the event id under a unique key (idempotency) and updates the employee's metrics row, with
        synchronous_commit on. Tables live in the schema 'bench_baseline' (recreated on every run).

        options:
          --url URL          silo base address (http mode)
          --tenant ID        tenant to create (default: bench-<random>)
          --operator-key K   the silo's Pulse:OperatorKey, to create the tenant (default: $PULSE_OPERATOR_KEY)
          --employees N      employees in the seed company (default 200)
          --clients N        concurrent HTTP clients or database connections (default 8)
          --batch N          events per request (http mode; default 500)
          --seconds N        run length (default 30)
          --events N         stop after N events instead (whichever comes first with --seconds)
          --rate N           cap at N events/s across all clients (default: as fast as acknowledged)
          --warmup N         seconds of load before measuring starts (default 3; 0 for none)
          --connection CS    Npgsql connection string (baseline mode)
          --timeline FILE    http mode: write one line per measured request (start second, latency ms), to see
                             when slow requests happen
          --json             also print the summary as one JSON line (prefixed 'RESULT ')
          --help             this text

        Exit code 0 when the run completed without errors, 1 when any request or transaction failed.
        """;

    public string Mode { get; private set; } = "";
    public bool Help { get; private set; }
    public Uri? Url { get; private set; }
    public string Tenant { get; private set; } = "bench-" + Guid.NewGuid().ToString("N")[..8];

    public string? OperatorKey { get; private set; } = Environment.GetEnvironmentVariable("PULSE_OPERATOR_KEY");
    public int Employees { get; private set; } = 200;
    public int Clients { get; private set; } = 8;
    public int Batch { get; private set; } = 500;
    public int Seconds { get; private set; } = 30;
    public long? Events { get; private set; }
    public double? Rate { get; private set; }
    public int Warmup { get; private set; } = 3;
    public string? Connection { get; private set; }
    public bool Json { get; private set; }
    public string? Timeline { get; private set; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Int(int min) => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
                ? v : throw new ArgumentException($"{arg} needs a whole number of at least {min}");

            switch (arg)
            {
                case "-h" or "--help": options.Help = true; break;
                case "http" or "baseline" when options.Mode.Length == 0: options.Mode = arg; break;
                case "--url": options.Url = Uri.TryCreate(Value(), UriKind.Absolute, out var url) ? url : throw new ArgumentException("--url needs an absolute URL"); break;
                case "--tenant": options.Tenant = Value(); break;
                case "--operator-key": options.OperatorKey = Value(); break;
                case "--employees": options.Employees = Int(3); break;
                case "--clients": options.Clients = Int(1); break;
                case "--batch": options.Batch = Int(1); break;
                case "--seconds": options.Seconds = Int(1); break;
                case "--events": options.Events = Int(1); break;
                case "--rate":
                    options.Rate = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0
                        ? rate : throw new ArgumentException("--rate needs a positive number of events per second");
                    break;
                case "--warmup": options.Warmup = Int(0); break;
                case "--connection": options.Connection = Value(); break;
                case "--json": options.Json = true; break;
                case "--timeline": options.Timeline = Value(); break;
                default: throw new ArgumentException($"unknown argument '{arg}'");
            }
        }

        if (options.Help) return options;
        if (options.Mode.Length == 0) throw new ArgumentException("name a mode: http or baseline");
        if (options.Mode == "http" && options.Url is null) throw new ArgumentException("http mode needs --url");
        if (options.Mode == "http" && string.IsNullOrEmpty(options.OperatorKey)) throw new ArgumentException("http mode needs --operator-key (or PULSE_OPERATOR_KEY) to create its tenant");
        if (options.Mode == "baseline" && string.IsNullOrWhiteSpace(options.Connection)) throw new ArgumentException("baseline mode needs --connection");
        return options;
    }
}
