using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Pulse.DashboardBench;

/// <summary>
/// One dashboard client: a SignalR connection over WebSockets that watches one scope and, on every
/// <c>employeesChanged</c> (an employee's watchers) or <c>teamChanged</c> (a department's), completes the ledger
/// entries the pushed event counts cover. SignalR runs one connection's
/// handlers one at a time, so the cursors need no lock.
/// </summary>
public sealed class WatchConnection(WatchScope scope, HubConnection connection, BatchLedger ledger, IReadOnlyDictionary<string, int> employeeIndex, DeliveryStats stats) : IAsyncDisposable
{
    private readonly int[] _cursor = new int[employeeIndex.Count];

    public WatchScope Scope => scope;

    public static WatchConnection Create(Uri hubUrl, string token, WatchScope scope, BatchLedger ledger, IReadOnlyDictionary<string, int> employeeIndex, DeliveryStats stats)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2); // a busy two-core machine must not end connections mid-run
        var watch = new WatchConnection(scope, connection, ledger, employeeIndex, stats);
        connection.On<BenchLine[]>(DashboardCallbacks.EmployeesChanged, watch.OnEmployeesChanged);
        connection.On<BenchTeamDelta>(DashboardCallbacks.TeamChanged, watch.OnTeamChanged);
        foreach (var other in DashboardCallbacks.Others) connection.On<JsonElement>(other, _ => stats.OtherPush());
        return watch;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync<JsonElement>(scope.Method, scope.Id, cancellationToken);
    }

    /// <summary>Event deliveries this connection should have seen but has not (measured batches only).</summary>
    public long Pending()
    {
        long pending = 0;
        foreach (var employee in scope.ExpectedEmployees)
        {
            var published = ledger.Published(employee);
            for (var i = _cursor[employee]; i < published; i++)
            {
                ref readonly var entry = ref ledger.At(employee, i);
                if (entry.Measured) pending += entry.Events;
            }
        }
        return pending;
    }

    private void OnEmployeesChanged(BenchLine[] lines)
    {
        var now = Stopwatch.GetTimestamp();
        stats.EmployeePush(lines.Length);
        foreach (var line in lines)
        {
            if (line.Performance is not null) Seen(line.EmployeeId, line.Performance.EventCount, now);
        }
    }

    private void OnTeamChanged(BenchTeamDelta delta)
    {
        var now = Stopwatch.GetTimestamp();
        stats.EmployeePush(delta.Rows.Length);
        foreach (var row in delta.Rows) Seen(row.EmployeeId, row.EventCount, now);
    }

    /// <summary>Completes the employee's ledger entries that <paramref name="eventCount"/> covers, as seen at <paramref name="now"/>.</summary>
    private void Seen(string employeeId, long eventCount, long now)
    {
        if (!employeeIndex.TryGetValue(employeeId, out var employee)) return;
        var cursor = _cursor[employee];
        var published = ledger.Published(employee);
        while (cursor < published)
        {
            ref readonly var entry = ref ledger.At(employee, cursor);
            if (entry.Required > eventCount) break;
            if (entry.Measured) stats.Latency.Record(Stopwatch.GetElapsedTime(entry.SentTimestamp, now).TotalMilliseconds, entry.Events);
            cursor++;
        }
        _cursor[employee] = cursor;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
