namespace Pulse.Webhooks;

/// <summary>
/// A target as an admin creates or replaces it. On create <see cref="Url"/> is required; on update a null
/// <see cref="Url"/> or <see cref="Secret"/> keeps the stored one and an empty <see cref="Secret"/> removes it.
/// A null <see cref="Locale"/> follows the tenant's.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.webhook.input")]
public sealed record WebhookTargetInput(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Url = null,
    [property: Id(3)] string? Secret = null,
    [property: Id(4)] WebhookFilter? Filter = null,
    [property: Id(5)] bool Enabled = true,
    [property: Id(6)] string? Locale = null);
