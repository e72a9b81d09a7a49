namespace Pulse.Grains;

/// <summary>One API key as stored: the secret only as its SHA-256.</summary>
[GenerateSerializer, Alias("pulse.stored-api-key")]
public sealed class StoredApiKey
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string[] Scopes { get; set; } = [];
    [Id(2)] public byte[] SecretHash { get; set; } = [];
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public string CreatedBy { get; set; } = "";
    [Id(5)] public DateTimeOffset? LastUsedAt { get; set; }
    [Id(6)] public DateTimeOffset? RevokedAt { get; set; }
}
