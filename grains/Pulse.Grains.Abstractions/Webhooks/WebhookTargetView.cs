namespace Pulse.Webhooks;

/// <summary>
/// A target as listings show it: never the URL or the secret, only <see cref="MaskedUrl"/> (scheme and host) and
/// whether a signing secret is set; <see cref="LastDelivery"/> shows at a glance whether it is failing.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.webhook.view")]
public sealed record WebhookTargetView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string MaskedUrl,
    [property: Id(4)] bool HasSecret,
    [property: Id(5)] WebhookFilter Filter,
    [property: Id(6)] bool Enabled,
    [property: Id(7)] string? Locale,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] WebhookDelivery? LastDelivery);
