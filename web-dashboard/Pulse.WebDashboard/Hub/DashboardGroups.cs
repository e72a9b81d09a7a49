namespace Pulse.WebDashboard.Hub;

/// <summary>
/// Which groups have members on this process, so the broadcaster buffers and pushes only for those. SignalR's own
/// groups hold the connections; this counts them, per connection so a disconnect leaves every group it joined.
/// </summary>
public sealed class DashboardGroups
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byConnection = new(StringComparer.Ordinal);

    /// <summary>Counts the connection in the group; false when it already was.</summary>
    public bool Join(string connectionId, string group)
    {
        lock (_lock)
        {
            if (!_byConnection.TryGetValue(connectionId, out var joined)) _byConnection[connectionId] = joined = new HashSet<string>(StringComparer.Ordinal);
            if (!joined.Add(group)) return false;
            _members[group] = _members.GetValueOrDefault(group) + 1;
            return true;
        }
    }

    /// <summary>Stops counting the connection in the group; false when it was not in it.</summary>
    public bool Leave(string connectionId, string group)
    {
        lock (_lock)
        {
            if (!_byConnection.TryGetValue(connectionId, out var joined) || !joined.Remove(group)) return false;
            if (joined.Count == 0) _byConnection.Remove(connectionId);
            Decrement(group);
            return true;
        }
    }

    /// <summary>Stops counting the connection anywhere (it is gone); returns the groups it was in.</summary>
    public string[] LeaveAll(string connectionId)
    {
        lock (_lock)
        {
            if (!_byConnection.Remove(connectionId, out var joined)) return [];
            foreach (var group in joined) Decrement(group);
            return [.. joined];
        }
    }

    public bool IsMember(string connectionId, string group)
    {
        lock (_lock) return _byConnection.TryGetValue(connectionId, out var joined) && joined.Contains(group);
    }

    public bool HasMembers(string group)
    {
        lock (_lock) return _members.ContainsKey(group);
    }

    private void Decrement(string group)
    {
        var left = _members[group] - 1;
        if (left == 0) _members.Remove(group);
        else _members[group] = left;
    }
}
