using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Pulse.Live;
using Pulse.Performance;
using Pulse.WebDashboard.Hub;

namespace Pulse.Silo.Tests.Dashboard;

/// <summary>Coalescing per group on a clock the test moves: the leading edge at once, then one push per interval with the newest lines.</summary>
public sealed class GroupPushBufferTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly FakeTimeProvider _clock = new();
    private readonly ConcurrentQueue<(EmployeeLine[] Employees, DepartmentPerformance[] Departments)> _pushes = new();
    private readonly GroupPushBuffer _buffer;

    public GroupPushBufferTests()
    {
        _buffer = new GroupPushBuffer(Interval, _clock, (employees, departments) =>
        {
            _pushes.Enqueue((employees, departments));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_quiet_group_gets_its_first_change_at_once()
    {
        _buffer.Add(Line("E1", 1));

        var push = await PushAsync(1);

        Assert.Equal(1, Assert.Single(push.Employees).Performance.StreamPosition);
    }

    [Fact]
    public async Task Changes_within_the_interval_wait_for_its_end_and_go_out_once_with_the_newest_per_key()
    {
        _buffer.Add(Line("E1", 1));
        await PushAsync(1);

        _buffer.Add(Line("E1", 2));
        _buffer.Add(Line("E2", 7));
        _buffer.Add(Line("E1", 4));
        _buffer.Add(Line("E1", 3)); // older than what is held: the newest stays
        _buffer.Add(Department("biz", 1));
        _buffer.Add(Department("biz", 2));
        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        await Task.Yield();
        Assert.Single(_pushes);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var push = await PushAsync(2);

        Assert.Equal([("E1", 4L), ("E2", 7L)], push.Employees.Select(l => (l.EmployeeId, l.Performance.StreamPosition)).OrderBy(p => p.EmployeeId));
        Assert.Equal(Epoch.AddSeconds(2), Assert.Single(push.Departments).AsOf);
    }

    [Fact]
    public async Task After_a_quiet_interval_the_next_change_goes_out_at_once_again()
    {
        _buffer.Add(Line("E1", 1));
        await PushAsync(1);
        _buffer.Add(Line("E1", 2));
        _clock.Advance(Interval);
        await PushAsync(2);

        _clock.Advance(Interval * 3);
        _buffer.Add(Line("E1", 3));

        Assert.Equal(3, Assert.Single((await PushAsync(3)).Employees).Performance.StreamPosition);
    }

    private async Task<(EmployeeLine[] Employees, DepartmentPerformance[] Departments)> PushAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (_pushes.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected push {count}; {_pushes.Count} so far.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
        Assert.Equal(count, _pushes.Count);
        return _pushes.Last();
    }

    private static readonly DateTimeOffset Epoch = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static EmployeeLine Line(string employeeId, long position) =>
        new("t", employeeId, "name", ["biz", "hq"],
            new EmployeePerformance(employeeId, "biz", "2026-12", "business", 1, 50m, false, [], [], [], position, position, Epoch.AddSeconds(position)));

    private static DepartmentPerformance Department(string departmentId, int second) =>
        new(departmentId, "2026-12", 5, 5, 50m, [], new int[11], [], [], 0, Epoch.AddSeconds(second), 5);
}
