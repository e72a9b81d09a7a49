namespace Pulse.Webhooks;

/// <summary>A new target with its URL and secret in clear: shown this once, stored only encrypted.</summary>
[GenerateSerializer, Immutable, Alias("pulse.webhook.created")]
public sealed record CreatedWebhook(
    [property: Id(0)] WebhookTargetView Target,
    [property: Id(1)] string Url,
    [property: Id(2)] string? Secret);
