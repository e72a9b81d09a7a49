using Pulse.Live;
using Pulse.Performance;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// The score lines waiting for one group, newest per employee and per department, so memory is bounded by the size
/// of the group's scope. The first change after a quiet interval goes out at once; changes that follow within the
/// interval go out together when it ends: at most one push per interval, always with the newest lines.
/// </summary>
/// <remarks><paramref name="push"/> must not throw: it is awaited by no one.</remarks>
public sealed class GroupPushBuffer(TimeSpan interval, TimeProvider clock, Func<EmployeeLine[], DepartmentPerformance[], Task> push)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, EmployeeLine> _employees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DepartmentPerformance> _departments = new(StringComparer.Ordinal);

    // Each push waits for the one before it, so a later push never overtakes an earlier one with older lines.
    private Task _previous = Task.CompletedTask;
    private DateTimeOffset _lastPush = DateTimeOffset.MinValue;
    private bool _scheduled;

    public void Add(EmployeeLine line)
    {
        lock (_lock)
        {
            if (!_employees.TryGetValue(line.EmployeeId, out var held) || IsNewer(line.Performance, held.Performance)) _employees[line.EmployeeId] = line;
        }
        Schedule();
    }

    public void Add(DepartmentPerformance department)
    {
        lock (_lock)
        {
            if (!_departments.TryGetValue(department.DepartmentId, out var held) || IsNewer(department, held)) _departments[department.DepartmentId] = department;
        }
        Schedule();
    }

    private void Schedule()
    {
        TimeSpan wait;
        lock (_lock)
        {
            if (_scheduled) return;
            _scheduled = true;
            var due = _lastPush == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : _lastPush + interval;
            var now = clock.GetUtcNow();
            wait = due > now ? due - now : TimeSpan.Zero;
            _previous = PushAfterAsync(wait, _previous);
        }
    }

    private async Task PushAfterAsync(TimeSpan wait, Task previous)
    {
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
        else await Task.Yield(); // the leading edge: at once, but not on the feed's thread
        await previous;
        EmployeeLine[] employees;
        DepartmentPerformance[] departments;
        lock (_lock)
        {
            employees = [.. _employees.Values];
            departments = [.. _departments.Values];
            _employees.Clear();
            _departments.Clear();
            _lastPush = clock.GetUtcNow();
            _scheduled = false;
        }
        await push(employees, departments);
    }

    private static bool IsNewer(EmployeePerformance line, EmployeePerformance held) =>
        string.CompareOrdinal(line.Period, held.Period) is var period && period != 0
            ? period > 0
            : line.StreamPosition != held.StreamPosition ? line.StreamPosition > held.StreamPosition : line.AsOf >= held.AsOf;

    private static bool IsNewer(DepartmentPerformance line, DepartmentPerformance held) =>
        string.CompareOrdinal(line.Period, held.Period) is var period && period != 0 ? period > 0 : line.AsOf >= held.AsOf;
}
