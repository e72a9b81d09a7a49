namespace Pulse.Security;

/// <summary>A new key and its token (<c>pulse.{tenant}.{keyId}.{secret}</c>), which is shown this once and stored only as a hash.</summary>
[GenerateSerializer, Immutable, Alias("pulse.issued-api-key")]
public sealed record IssuedApiKey(
    [property: Id(0)] ApiKeyView Key,
    [property: Id(1)] string Token);
