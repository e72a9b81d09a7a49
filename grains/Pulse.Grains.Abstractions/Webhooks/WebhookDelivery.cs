using Pulse.Performance;

namespace Pulse.Webhooks;

/// <summary>
/// One attempt to deliver an alert (or a test message) to a target, as admins see it: when, what became of it, the
/// HTTP status and the reason when it failed (never a response body), and which attempt it was.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.webhook.delivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] WebhookDeliveryStatus Status,
    [property: Id(2)] int? HttpStatus,
    [property: Id(3)] string? Error,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? EmployeeId,
    [property: Id(6)] string? IndicatorId,
    [property: Id(7)] AlertKind? Kind,
    [property: Id(8)] bool Test = false);
