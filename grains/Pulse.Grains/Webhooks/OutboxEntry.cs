using Pulse.Live;

namespace Pulse.Webhooks;

/// <summary>One alert waiting to reach one target, with the attempts made so far and when the next is due.</summary>
[GenerateSerializer, Alias("pulse.webhook-outbox-entry")]
public sealed class OutboxEntry
{
    [Id(0)] public string TargetId { get; set; } = "";
    [Id(1)] public LiveAlert Alert { get; set; } = null!;
    [Id(2)] public int Attempts { get; set; }
    [Id(3)] public DateTimeOffset NextAttemptAt { get; set; }
}
