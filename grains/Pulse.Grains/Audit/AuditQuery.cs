namespace Pulse.Audit;

/// <summary>Filters for reading the audit log; every filter is optional except the tenant.</summary>
public sealed record AuditQuery(
    string TenantId,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? ActionPrefix = null,
    long AfterId = 0,
    int Limit = 100);
