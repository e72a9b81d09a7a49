namespace Pulse.Webhooks;

/// <summary>A tenant's targets, how many deliveries wait in its outbox, and how many were dropped because it was full.</summary>
[GenerateSerializer, Immutable, Alias("pulse.webhook.list")]
public sealed record WebhookList(
    [property: Id(0)] WebhookTargetView[] Targets,
    [property: Id(1)] int Pending,
    [property: Id(2)] long Dropped);
