using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Dashboard;

/// <summary>
/// A dashboard client over a real WebSocket to the in-process silo, as a browser connects: every push it receives is
/// kept with its method name, so a test can wait for one or prove one never came.
/// </summary>
public sealed class DashboardConnection : IAsyncDisposable
{
    public static readonly string[] Callbacks = ["employeesChanged", "teamChanged", "departmentsChanged", "alertRaised", "feedbackChanged"];

    private readonly ConcurrentQueue<Push> _pushes = new();

    private DashboardConnection(HubConnection hub)
    {
        Hub = hub;
        foreach (var method in Callbacks)
        {
            hub.On<JsonElement>(method, payload => _pushes.Enqueue(new Push(method, payload, DateTimeOffset.UtcNow)));
        }
    }

    public HubConnection Hub { get; }

    public IReadOnlyList<Push> Pushes => [.. _pushes];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Connects with the headers given (a bearer token, a cookie, an origin), WebSockets after negotiation unless told otherwise.</summary>
    public static DashboardConnection Create(PulseApp app, IReadOnlyDictionary<string, string> headers, bool skipNegotiation = false)
    {
        var server = app.Server;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/dashboard"), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = skipNegotiation;
                foreach (var (name, value) in headers) o.Headers[name] = value;
                o.WebSocketFactory = async (context, cancel) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        foreach (var (name, value) in headers) request.Headers[name] = value;
                    };
                    return await client.ConnectAsync(context.Uri, cancel);
                };
            })
            .Build();
        return new DashboardConnection(hub);
    }

    public static DashboardConnection WithToken(PulseApp app, HttpClient signedIn, string? origin = null)
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = signedIn.DefaultRequestHeaders.Authorization!.ToString() };
        if (origin is not null) headers["Origin"] = origin;
        return Create(app, headers);
    }

    public static async Task<DashboardConnection> StartAsync(PulseApp app, HttpClient signedIn)
    {
        var connection = WithToken(app, signedIn);
        await connection.Hub.StartAsync(Cancel);
        return connection;
    }

    public Task<JsonElement> WatchTenantAsync() => Hub.InvokeAsync<JsonElement>("watchTenant", Cancel);

    public Task<JsonElement> WatchDepartmentAsync(string departmentId) => Hub.InvokeAsync<JsonElement>("watchDepartment", departmentId, Cancel);

    public Task<JsonElement> WatchEmployeeAsync(string employeeId) => Hub.InvokeAsync<JsonElement>("watchEmployee", employeeId, Cancel);

    public Task UnwatchAsync(string scope) => Hub.InvokeAsync("unwatch", scope, Cancel);

    /// <summary>Waits, with a deadline, for a push of <paramref name="method"/> whose payload satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string method, Func<JsonElement, bool> match, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            foreach (var push in _pushes)
            {
                if (push.Method == method && match(push.Payload)) return push.Payload;
            }
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"No {method} push matched in time; received: {string.Join(", ", _pushes.Select(p => p.Method))}");
            await Task.Delay(20, Cancel);
        }
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>One push as received, with when it arrived.</summary>
    public sealed record Push(string Method, JsonElement Payload, DateTimeOffset At);
}
