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

        // Per employee, the ids its grain accepted. The first occurrence of an id in the request takes the acceptance;
        // repeats are duplicates.
        var unclaimed = new Dictionary<string, HashSet<string>>(byEmployee.Length, StringComparer.Ordinal);
        for (var g = 0; g < byEmployee.Length; g++)
        {
            unclaimed[byEmployee[g].Key] = new HashSet<string>(applied[g].Accepted, StringComparer.Ordinal);
        }

        var outcomes = new ItemOutcome[parsed.Count];
        foreach (var item in parsed)
        {
            if (item.Event is null)
            {
                outcomes[item.Index] = new ItemOutcome(item.Index, item.Id, EventOutcome.Rejected, item.Field, item.Reason);
                continue;
            }
            var accepted = unclaimed[item.Event.EmployeeId].Remove(item.Event.Id);
            outcomes[item.Index] = new ItemOutcome(item.Index, item.Id, accepted ? EventOutcome.Accepted : EventOutcome.Duplicate);
        }
        return new IngestionResult(
            outcomes.Count(o => o.Outcome == EventOutcome.Accepted),
            outcomes.Count(o => o.Outcome == EventOutcome.Duplicate),
            outcomes.Count(o => o.Outcome == EventOutcome.Rejected),
            outcomes);
    }
}
