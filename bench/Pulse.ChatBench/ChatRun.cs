using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pulse.LoadGenerator;
using Pulse.Organisation;
using Pulse.Silo.Demo;

namespace Pulse.ChatBench;

/// <summary>One chat bench run: a fresh tenant, an account and a conversation per employee, questions in a closed loop, then alerts.</summary>
public static class ChatRun
{
    private const int SetupConcurrency = 8;

    public static async Task<ChatReport> RunAsync(ChatBenchOptions options, CancellationToken cancellationToken)
    {
        using var http = BenchTenant.NewClient(options.Url!, options.Conversations + 8);
        var organisation = DemoCompany.Document(options.Employees);
        var (apiKey, password) = await BenchTenant.CreateAsync(http, options.Tenant, options.OperatorKey!, organisation, cancellationToken);

        var staff = organisation.Employees!.Take(options.Conversations).ToArray();
        var alerted = staff.Where(e => e.DepartmentId == DemoCompany.Business).Take(options.Alerts).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        await SeedEventsAsync(http, apiKey, organisation.Employees!.Where(e => !alerted.Contains(e.Id)).ToArray(), cancellationToken);

        var opening = Stopwatch.StartNew();
        var sessions = await OpenSessionsAsync(http, options, password, staff, cancellationToken);
        Console.Error.WriteLine($"{sessions.Length} conversations open (WebSocket streams) in {opening.Elapsed.TotalSeconds:F1} s");

        var questions = await AskAsync(options, sessions, cancellationToken);
        var alerts = await AlertAsync(http, apiKey, sessions.Where(s => alerted.Contains(s.EmployeeId)).ToArray(), cancellationToken);

        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency }, async (s, _) => await s.DisposeAsync());
        return new ChatReport(sessions.Length, questions, alerts);
    }

    private static async Task SeedEventsAsync(HttpClient http, string apiKey, Employee[] employees, CancellationToken cancellationToken)
    {
        // The demo simulator's mix, so progress replies carry real numbers.
        var body = EventBodies.Build(employees, 1, Math.Min(5000, employees.Length * 10), "seed-" + Guid.NewGuid().ToString("N")[..8])[0];
        await PostEventsAsync(http, apiKey, body, cancellationToken);
    }

    private static async Task<ChatSession[]> OpenSessionsAsync(HttpClient http, ChatBenchOptions options, string password, Employee[] staff, CancellationToken cancellationToken)
    {
        using var admin = new HttpClient { BaseAddress = options.Url };
        await BenchTenant.SignInAsync(admin, options.Tenant, "admin", password, cancellationToken);
        var sessions = new ConcurrentBag<ChatSession>();
        await Parallel.ForEachAsync(staff, new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency, CancellationToken = cancellationToken }, async (employee, ct) =>
        {
            var userName = "u-" + employee.Id.ToLowerInvariant();
            await BenchTenant.CreateUserAsync(admin, userName, password, ["employee"], employee.Id, ct);
            using var user = new HttpClient { BaseAddress = options.Url };
            var accessToken = await BenchTenant.SignInAsync(user, options.Tenant, userName, password, ct);
            sessions.Add(await ChatSession.OpenAsync(http, employee.Id, accessToken, userName, ct));
        });
        return [.. sessions];
    }

    private static async Task<QuestionStats> AskAsync(ChatBenchOptions options, ChatSession[] sessions, CancellationToken cancellationToken)
    {
        var measured = new LatencyRecorder[sessions.Length];
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var warmup = TimeSpan.FromSeconds(options.Warmup);
        var end = warmup + TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(sessions.Select((session, i) => Task.Run(async () =>
        {
            var recorder = measured[i] = new LatencyRecorder();
            var random = new Random(i);
            // Spread the first questions over one think time, so the load is steady rather than one burst.
            await Task.Delay(random.Next(options.ThinkMilliseconds), cancellationToken);
            while (clock.Elapsed < end)
            {
                var sentAt = clock.Elapsed;
                try
                {
                    var latency = await session.AskAsync(options.Question, cancellationToken);
                    if (sentAt >= warmup) recorder.Record(latency, 1);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    if (sentAt >= warmup) failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
                await Task.Delay((int)(options.ThinkMilliseconds * (0.5 + random.NextDouble())), cancellationToken);
            }
        }, cancellationToken)));
        return new QuestionStats(LatencyRecorder.Merge(measured), measured.Sum(r => r.Operations), options.Seconds, failures.ToDictionary());
    }

    private static async Task<AlertStats> AlertAsync(HttpClient http, string apiKey, ChatSession[] sessions, CancellationToken cancellationToken)
    {
        if (sessions.Length == 0) return new AlertStats(new Percentiles(0, 0, 0, 0), 0, 0);
        var tag = "alert-" + Guid.NewGuid().ToString("N")[..8];
        // Three loans first (the rule needs three samples), then one default that puts the bad-debt rate at 10% (> 5%).
        await PostEventsAsync(http, apiKey, Events(sessions, tag + "-loan", "loan.disbursed", 100_000, 3), cancellationToken);
        var sent = Stopwatch.GetTimestamp();
        await PostEventsAsync(http, apiKey, Events(sessions, tag + "-default", "loan.defaulted", 30_000, 1), cancellationToken);
        var recorder = new LatencyRecorder();
        var missed = 0;
        foreach (var session in sessions)
        {
            try
            {
                var arrived = await session.AlertArrival.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                recorder.Record(Stopwatch.GetElapsedTime(sent, arrived), 1);
            }
            catch (TimeoutException)
            {
                missed++;
            }
        }
        return new AlertStats(LatencyRecorder.Merge([recorder]), recorder.Operations, missed);
    }

    private static byte[] Events(ChatSession[] sessions, string tag, string type, int amount, int each)
    {
        var occurredAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var items = sessions.SelectMany(s => Enumerable.Range(0, each).Select(n =>
            "{\"id\":\"" + tag + "-" + s.EmployeeId + "-" + n + "\",\"type\":\"" + type + "\",\"employeeId\":\"" + s.EmployeeId +
            "\",\"occurredAt\":\"" + occurredAt + "\",\"data\":{\"amount\":" + amount + "}}"));
        return Encoding.UTF8.GetBytes("[" + string.Join(',', items) + "]");
    }

    private static async Task PostEventsAsync(HttpClient http, string apiKey, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        await BenchTenant.EnsureAsync(response, "post events", cancellationToken);
    }
}
