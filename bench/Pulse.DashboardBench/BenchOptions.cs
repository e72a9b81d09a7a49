using System.Globalization;

namespace Pulse.DashboardBench;

/// <summary>The command line.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        Pulse dashboard bench: event-to-screen latency with many hub connections under steady ingestion.

        usage:
          Pulse.DashboardBench --url http://127.0.0.1:5080 [--hub-url http://127.0.0.1:5081] [options]

        Creates a fresh tenant holding the seed company (--employees staff), a manager account per department and HR;
        opens --connections SignalR connections (WebSockets) to /hubs/dashboard on --hub-url, spread round-robin over
        the departments (watchDepartment, as their manager, or HR for the root) with one in --employee-every watching
        an employee (watchEmployee, as HR); then posts batches of --batch events to POST /api/v1/events on --url at
        --rate events/s for --warmup + --seconds seconds.

        The measure: when a batch is posted, the bench notes the send time and, for each employee in it, the employee's
        cumulative number of events sent so far. A pushed teamChanged row (department watchers) or employeesChanged
        line (employee watchers) whose event count reaches that number completes the batch's events of that employee
        for that connection: latency = callback time - send time. It
        includes the whole HTTP ingestion (parse, grain calls, durable commit), the live feed, the coalescing interval
        and the SignalR send and receive. One sample per event per connection watching it, batches sent during the
        measured window only.

        options:
          --url URL            silo receiving the events
          --hub-url URL        silo the connections use (default: --url)
          --operator-key K     the silos' Pulse:OperatorKey (default: $PULSE_OPERATOR_KEY)
          --tenant ID          tenant to create (default: dash-<random>)
          --employees N        employees in the seed company (default 200)
          --connections N      hub connections (default 1000)
          --employee-every N   one connection in N watches an employee, the rest departments (default 10; 0: none)
          --rate N             events per second (default 10000)
          --batch N            events per request (default 500)
          --clients N          HTTP clients posting (default 10); each owns a disjoint share of the staff and sends its
                               next batch only after the answer to its last, so an employee's events are applied in
                               the order sent and the event counts are exact; behind schedule, the rate drops
          --warmup N           seconds of load before measuring (default 10)
          --seconds N          measured seconds (default 30)
          --drain N            seconds to wait after the load for the last pushes (default 10)
          --hub-pid PID        the hub silo's process: memory per connection (RSS and live GC heap, before and after)
          --silo-pid PID       a silo process whose CPU use to report (repeat for several)
          --json               also print the summary as one JSON line (prefixed 'RESULT ')
          --help               this text
        """;

    public bool Help { get; private set; }
    public Uri? Url { get; private set; }
    public Uri? HubUrl { get; private set; }
    public string? OperatorKey { get; private set; } = Environment.GetEnvironmentVariable("PULSE_OPERATOR_KEY");
    public string Tenant { get; private set; } = "dash-" + Guid.NewGuid().ToString("N")[..8];
    public int Employees { get; private set; } = 200;
    public int Connections { get; private set; } = 1000;
    public int EmployeeEvery { get; private set; } = 10;
    public double Rate { get; private set; } = 10_000;
    public int Batch { get; private set; } = 500;
    public int Clients { get; private set; } = 10;
    public int Warmup { get; private set; } = 10;
    public int Seconds { get; private set; } = 30;
    public int Drain { get; private set; } = 10;
    public int? HubPid { get; private set; }
    public List<int> SiloPids { get; } = [];
    public bool Json { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Int(int min) => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
                ? v : throw new ArgumentException($"{arg} needs a whole number of at least {min}");
            Uri Address() => Uri.TryCreate(Value(), UriKind.Absolute, out var url) ? url : throw new ArgumentException($"{arg} needs an absolute URL");

            switch (arg)
            {
                case "-h" or "--help": options.Help = true; break;
                case "--url": options.Url = Address(); break;
                case "--hub-url": options.HubUrl = Address(); break;
                case "--operator-key": options.OperatorKey = Value(); break;
                case "--tenant": options.Tenant = Value(); break;
                case "--employees": options.Employees = Int(3); break;
                case "--connections": options.Connections = Int(1); break;
                case "--employee-every": options.EmployeeEvery = Int(0); break;
                case "--rate": options.Rate = Int(1); break;
                case "--batch": options.Batch = Int(1); break;
                case "--clients": options.Clients = Int(1); break;
                case "--warmup": options.Warmup = Int(0); break;
                case "--seconds": options.Seconds = Int(1); break;
                case "--drain": options.Drain = Int(0); break;
                case "--hub-pid": options.HubPid = Int(1); break;
                case "--silo-pid": options.SiloPids.Add(Int(1)); break;
                case "--json": options.Json = true; break;
                default: throw new ArgumentException($"unknown argument '{arg}'");
            }
        }

        if (options.Help) return options;
        if (options.Clients > options.Employees) throw new ArgumentException("--clients may not exceed --employees: each client owns a share of the staff");
        if (options.Url is null) throw new ArgumentException("--url is required");
        if (string.IsNullOrEmpty(options.OperatorKey)) throw new ArgumentException("--operator-key (or PULSE_OPERATOR_KEY) is required to create the tenant");
        options.HubUrl ??= options.Url;
        return options;
    }
}
