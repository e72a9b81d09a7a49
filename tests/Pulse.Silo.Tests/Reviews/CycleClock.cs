using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Reviews;
using Pulse.Security;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>A silo of its own whose clock the tests move (every grain, hosted service and token reads it, and Orleans too).</summary>
public sealed class CycleClock : IAsyncDisposable
{
    public CycleClock(DateTimeOffset start, string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        Clock = new JumpingClock(start);
        App = new PulseApp(dataDirectory ?? Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N")), settings,
            registrations =>
            {
                registrations.AddSingleton<TimeProvider>(Clock);
                // Orleans reads the same clock: days jumped at once would look like a silo that stopped answering.
                registrations.Configure<Orleans.Configuration.ClusterMembershipOptions>(o => o.LivenessEnabled = false);
                services?.Invoke(registrations);
            });
        _ = App.Server;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public JumpingClock Clock { get; }

    public PulseApp App { get; }

    public CycleOpener Opener => App.Services.GetRequiredService<CycleOpener>();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Makes an account and signs it in: moving the clock by days outlives the hour a sign-in lasts, so each test signs in afresh.</summary>
    public async Task<HttpClient> UserAsync(TenantClient tenant, string userName, Role[] roles, string employeeId)
    {
        var admin = await TenantClient.SignInAsync(App, tenant.TenantId, "admin", TenantClient.Password);
        await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/users", new NewUser(userName, TenantClient.Password, roles, employeeId), TenantClient.Json, Cancel), 201);
        return await TenantClient.SignInAsync(App, tenant.TenantId, userName, TenantClient.Password);
    }

    public static async Task<List<JsonNode?>> AuditAsync(HttpClient hr, string action) =>
        [.. (await Expect.StatusAsync(await hr.GetAsync($"/api/v1/audit?action={action}&limit=100", Cancel), 200)).AsArray()];

    /// <summary>Moves the clock forward to <paramref name="at"/> (never back).</summary>
    public void MoveTo(DateTimeOffset at) => Clock.JumpTo(at);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
