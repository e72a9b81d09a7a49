namespace Pulse.Webhooks;

/// <summary>
/// A tenant's webhooks: at most <see cref="WebhookOptions.MaxTargets"/> targets, each with its last
/// <see cref="WebhookOptions.DeliveriesKept"/> attempts, and an outbox of at most <see cref="WebhookOptions.OutboxCapacity"/>
/// deliveries waiting; bounded on every side.
/// </summary>
[GenerateSerializer, Alias("pulse.webhook-state")]
public sealed class WebhookState
{
    [Id(0)] public List<StoredWebhookTarget> Targets { get; set; } = [];

    /// <summary>Oldest first.</summary>
    [Id(1)] public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>Deliveries dropped, oldest first, because the outbox was full; never reset.</summary>
    [Id(2)] public long Dropped { get; set; }
}
