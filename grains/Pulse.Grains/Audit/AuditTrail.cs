using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pulse.Organisation;
using Pulse.Security;

namespace Pulse.Audit;

/// <summary>
/// Writes who changed what into the append-only audit log, with the item as JSON before and after. Organisation
/// changes are recorded item by item: each event type, department, employee and template version that differs.
/// </summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider clock)
{
    /// <summary>The items as the API shows them: camelCase, enums as camelCase strings, names in their own script.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public Task RecordAsync(Caller caller, string action, string target, object? before, object? after) =>
        log.AppendAsync([Entry(caller.TenantId, caller.Name, action, target, before, after)]);

    public Task RecordAsync(string tenantId, string actor, string action, string target, object? before, object? after) =>
        log.AppendAsync([Entry(tenantId, actor, action, target, before, after)]);

    /// <summary>Records every item that differs between two versions of a tenant's rules.</summary>
    public Task RecordChangesAsync(Caller caller, TenantRules? before, TenantRules after)
    {
        var entries = new List<AuditEntry>();
        if (before is null || !Equals(Serialize(before.Settings), Serialize(after.Settings)))
            entries.Add(Entry(caller.TenantId, caller.Name, "tenant.settings", caller.TenantId, before?.Settings, after.Settings));
        Diff(entries, caller, "event-type", before?.EventTypes ?? [], after.EventTypes, e => e.Type);
        Diff(entries, caller, "department", before?.Departments ?? [], after.Departments, d => d.Id);
        Diff(entries, caller, "employee", before?.Employees ?? [], after.Employees, e => e.Id);
        Diff(entries, caller, "template", before?.Templates ?? [], after.Templates, t => $"{t.Id}@v{t.Version}");
        return entries.Count == 0 ? Task.CompletedTask : log.AppendAsync(entries);
    }

    private void Diff<T>(List<AuditEntry> entries, Caller caller, string kind, IEnumerable<T> before, IEnumerable<T> after, Func<T, string> id)
    {
        var old = before.ToDictionary(id, Serialize, StringComparer.Ordinal);
        foreach (var item in after)
        {
            var key = id(item);
            var now = Serialize(item);
            if (old.Remove(key, out var was) && was == now) continue;
            entries.Add(new AuditEntry(caller.TenantId, clock.GetUtcNow(), caller.Name, $"{kind}.{(was is null ? "create" : "update")}", key, was, now));
        }
        foreach (var (key, was) in old)
        {
            entries.Add(new AuditEntry(caller.TenantId, clock.GetUtcNow(), caller.Name, $"{kind}.remove", key, was, null));
        }
    }

    private AuditEntry Entry(string tenantId, string actor, string action, string target, object? before, object? after) =>
        new(tenantId, clock.GetUtcNow(), actor, action, target, before is null ? null : Serialize(before), after is null ? null : Serialize(after));

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
