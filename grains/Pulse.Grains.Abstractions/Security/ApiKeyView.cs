namespace Pulse.Security;

/// <summary>An API key as an admin sees it: never the secret.</summary>
[GenerateSerializer, Immutable, Alias("pulse.api-key")]
public sealed record ApiKeyView(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string[] Scopes,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset? LastUsedAt,
    [property: Id(6)] DateTimeOffset? RevokedAt);
