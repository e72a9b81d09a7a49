using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Pulse.Audit;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Hosting;
using Pulse.Silo.Security;

namespace Pulse.Silo.Demo;

/// <summary>
/// Creates the demo company on first start, back-fills last month and this month so far, then keeps posting
/// live events at the configured rate — all through the public HTTP API, exactly as a business system would.
/// </summary>
public sealed partial class DemoRunner(
    IOptions<DemoOptions> options,
    IGrainFactory grains,
    TenantRulesProvider rulesProvider,
    IServer server,
    AuditTrail audit,
    OrganisationChanges changes,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<DemoRunner> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private const string Seeder = "system:demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!await WaitForStartAsync(stoppingToken)) return;
        var created = demo.Seed && await SeedAsync(demo, stoppingToken);
        var access = grains.GetGrain<IAccessGrain>(demo.TenantId);
        if (demo.Seed && await rulesProvider.GetAsync(demo.TenantId) is not null)
        {
            var accounts = await DemoAccounts.PrepareAsync(access);
            Console.WriteLine($"Demo accounts of tenant '{demo.TenantId}' (new passwords at every start; sign in at {Address()}/api/v1/auth/sign-in):");
            foreach (var line in accounts) Console.WriteLine(line);
            Console.WriteLine();
        }
        if (!demo.Simulate) return;

        var rules = await rulesProvider.GetAsync(demo.TenantId);
        if (rules is null) { LogNoTenant(logger, demo.TenantId); return; }
        using var http = new HttpClient { BaseAddress = new Uri(Address()) };
        http.DefaultRequestHeaders.Add(AuthSchemes.ApiKeyHeader, await DemoAccounts.SimulatorKeyAsync(access));
        var factory = new DemoEventFactory(new Random(), new DemoAbility());
        var staff = rules.Rules.Employees.Where(e => e.Active).ToArray();

        try
        {
            if (created) await BackfillAsync(http, factory, staff, rules.TimeZone, stoppingToken);
            await SimulateAsync(http, factory, staff, rules.TimeZone, demo.EventsPerSecond, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<bool> SeedAsync(DemoOptions demo, CancellationToken cancellationToken)
    {
        var tenant = grains.GetGrain<ITenantGrain>(demo.TenantId);
        if (await tenant.GetRulesAsync() is not null) return false;
        var settings = DemoCompany.Settings(demo.TenantId);
        await tenant.CreateAsync(settings);
        await audit.RecordAsync(demo.TenantId, Seeder, "tenant.create", demo.TenantId, null, settings);
        var rules = await rulesProvider.GetAsync(demo.TenantId) ?? throw new InvalidOperationException($"The demo tenant {demo.TenantId} was not created.");
        // The company comes in through the same change service as the API's, as HR would bring it.
        var seeder = new CallerContext(new Caller(demo.TenantId, Seeder, CallerKind.User, [Role.Hr], null, []), rules);
        var result = await changes.ImportAsync(seeder, DemoCompany.Document(demo.Employees));
        if (result.Status != AnswerStatus.Ok) throw new InvalidOperationException("The demo company does not validate: " + string.Join("; ", result.Errors.Select(e => $"{e.Item}: {e.Reason}")));
        LogSeeded(logger, demo.TenantId, demo.Employees);
        cancellationToken.ThrowIfCancellationRequested();
        return true;
    }

    /// <summary>
    /// Last month in full and this month up to now, a moment of work per employee about every six hours, paced as the live
    /// simulation is: scores start where that day of a real month would have them.
    /// </summary>
    private async Task BackfillAsync(HttpClient http, DemoEventFactory factory, Employee[] staff, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var from = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, now.Offset).AddMonths(-1);
        var random = new Random(42);
        var batch = new JsonArray();
        var moments = Math.Max(1, (int)(now - from).TotalHours / 6);
        var covers = (now - from) / moments;
        foreach (var employee in staff)
        {
            for (var i = 0; i < moments; i++)
            {
                var at = from + ((now - from) * random.NextDouble());
                foreach (var e in factory.For(employee, at, covers)) batch.Add(e);
                if (batch.Count >= BatchSize) batch = await PostAsync(http, batch, cancellationToken);
            }
        }
        if (batch.Count > 0) await PostAsync(http, batch, cancellationToken);
        LogBackfilled(logger);
    }

    /// <summary>
    /// About <paramref name="perSecond"/> moments of work a second (most are one event), spread at random over the staff.
    /// Each tick's moments share the tick between them: a moment stands for tick × staff ÷ moments of its employee's
    /// month, so on average every employee advances by exactly the time that passed, at any rate.
    /// </summary>
    private async Task SimulateAsync(HttpClient http, DemoEventFactory factory, Employee[] staff, TimeZoneInfo zone, double perSecond, CancellationToken cancellationToken)
    {
        var tick = TimeSpan.FromMilliseconds(200);
        using var timer = new PeriodicTimer(tick);
        var random = new Random();
        var owed = 0.0;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            owed += perSecond * tick.TotalSeconds;
            var moments = (int)owed;
            if (moments == 0) continue;
            owed -= moments;
            var covers = tick * staff.Length / moments;
            var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
            var batch = new JsonArray();
            for (var i = 0; i < moments; i++)
            {
                foreach (var e in factory.For(staff[random.Next(staff.Length)], now, covers)) batch.Add(e);
                if (batch.Count >= BatchSize) batch = await PostAsync(http, batch, cancellationToken);
            }
            if (batch.Count > 0) await PostAsync(http, batch, cancellationToken);
        }
    }

    private async Task<JsonArray> PostAsync(HttpClient http, JsonArray batch, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/v1/events", batch, cancellationToken);
            if (!response.IsSuccessStatusCode) LogPostFailed(logger, (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            LogPostError(logger, ex);
        }
        return [];
    }

    private async Task<bool> WaitForStartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        try
        {
            await started.Task.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false; // stopped before it started (a port in use, say): nothing to do, nothing to report
        }
    }

    private string Address() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080").Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo tenant {TenantId} created with {Employees} employees")]
    private static partial void LogSeeded(ILogger logger, string tenantId, int employees);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history back-filled; live simulation starts")]
    private static partial void LogBackfilled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo tenant {TenantId} does not exist; the simulator is idle")]
    private static partial void LogNoTenant(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated events were refused with status {Status}")]
    private static partial void LogPostFailed(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting simulated events failed")]
    private static partial void LogPostError(ILogger logger, Exception exception);
}
