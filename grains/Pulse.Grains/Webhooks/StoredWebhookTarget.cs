namespace Pulse.Webhooks;

/// <summary>A target as stored: the URL and signing secret only encrypted (<see cref="WebhookSecrets"/>).</summary>
[GenerateSerializer, Alias("pulse.stored-webhook-target")]
public sealed class StoredWebhookTarget
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Kind { get; set; } = "";
    [Id(3)] public string ProtectedUrl { get; set; } = "";
    [Id(4)] public string? ProtectedSecret { get; set; }
    [Id(5)] public string MaskedUrl { get; set; } = "";
    [Id(6)] public WebhookFilter Filter { get; set; } = WebhookFilter.All;
    [Id(7)] public bool Enabled { get; set; } = true;
    [Id(8)] public string? Locale { get; set; }
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Newest first, bounded.</summary>
    [Id(11)] public List<WebhookDelivery> Deliveries { get; set; } = [];
}
