namespace Pulse.Webhooks;

[GenerateSerializer]
public enum WebhookDeliveryStatus
{
    /// <summary>The chat tool accepted the message.</summary>
    Delivered,

    /// <summary>This attempt failed in a way worth retrying (timeout, 429, 5xx, the vendor's rate limit); another follows.</summary>
    Retrying,

    /// <summary>Given up: a refusal not worth retrying (other 4xx, a vendor error code) or the last attempt failed.</summary>
    Failed,

    /// <summary>Never attempted: the outbox was full and the oldest waiting deliveries made room for new ones.</summary>
    Dropped,
}
