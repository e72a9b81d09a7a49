using Pulse.Events;
using Pulse.Grains;
using Pulse.Organisation;

namespace Pulse.Silo.Ingestion;

/// <summary>
/// Checks each posted item, sends the valid ones to their employees' grains — one call per employee per request,
/// combined with other requests' events for the same employee by <see cref="EmployeeCallBatcher"/> — and gathers
/// every item's outcome. The grains answer only after the log has committed their events.
/// </summary>
public sealed class IngestionService(EmployeeCallBatcher batcher)
{
    /// <summary>Ingests items already checked by <see cref="EventItemReader"/>, in posting order.</summary>
    public async Task<IngestionResult> IngestAsync(CompiledRules rules, IReadOnlyList<ParsedItem> parsed)
    {
        var byEmployee = parsed.Where(p => p.Event is not null).GroupBy(p => p.Event!.EmployeeId, StringComparer.Ordinal).ToArray();
        var applied = await Task.WhenAll(byEmployee.Select(group =>
            batcher.ApplyAsync(GrainKeys.For(rules.TenantId, group.Key), [.. group.Select(p => p.Event!)])));

        var acceptedIds = new HashSet<string>(
            byEmployee.Zip(applied).SelectMany(pair => pair.Second.Accepted.Select(id => Key(pair.First.Key, id))), StringComparer.Ordinal);
        var outcomes = new ItemOutcome[parsed.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in parsed)
        {
            if (item.Event is null)
            {
                outcomes[item.Index] = new ItemOutcome(item.Index, item.Id, EventOutcome.Rejected, item.Field, item.Reason);
                continue;
            }
            // The first occurrence of an id in the request is the one committed; repeats are duplicates.
            var key = Key(item.Event.EmployeeId, item.Event.Id);
            var accepted = acceptedIds.Contains(key) && seen.Add(key);
            outcomes[item.Index] = new ItemOutcome(item.Index, item.Id, accepted ? EventOutcome.Accepted : EventOutcome.Duplicate);
        }
        return new IngestionResult(
            outcomes.Count(o => o.Outcome == EventOutcome.Accepted),
            outcomes.Count(o => o.Outcome == EventOutcome.Duplicate),
            outcomes.Count(o => o.Outcome == EventOutcome.Rejected),
            outcomes);
    }

    private static string Key(string employeeId, string eventId) => $"{employeeId}\n{eventId}";
}
