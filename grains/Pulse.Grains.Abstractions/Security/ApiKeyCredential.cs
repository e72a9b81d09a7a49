namespace Pulse.Security;

/// <summary>What a silo needs to check a presented key itself: the secret's SHA-256, its scopes, and whether it is revoked.</summary>
[GenerateSerializer, Immutable, Alias("pulse.api-key-credential")]
public sealed record ApiKeyCredential(
    [property: Id(0)] string KeyId,
    [property: Id(1)] byte[] SecretHash,
    [property: Id(2)] string[] Scopes,
    [property: Id(3)] bool Revoked);
