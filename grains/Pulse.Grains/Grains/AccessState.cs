namespace Pulse.Grains;

/// <summary>A tenant's accounts and API keys. Both grow only by an admin's hand, so they stay small.</summary>
[GenerateSerializer, Alias("pulse.access-state")]
public sealed class AccessState
{
    /// <summary>By user name (lower-case, as validated).</summary>
    [Id(0)] public Dictionary<string, StoredUser> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>By key id.</summary>
    [Id(1)] public Dictionary<string, StoredApiKey> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Grows with every applied change to the accounts, for <see cref="Organisation.ChangeResult.Version"/>.</summary>
    [Id(2)] public long Version { get; set; }
}
