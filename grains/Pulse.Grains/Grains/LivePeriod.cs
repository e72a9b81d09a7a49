using Pulse.Scoring;

namespace Pulse.Grains;

/// <summary>One live period: the template version it is folded under and its running aggregates.</summary>
[GenerateSerializer, Alias("pulse.live-period")]
public sealed class LivePeriod
{
    [Id(0)] public string TemplateId { get; set; } = "";

    [Id(1)] public int TemplateVersion { get; set; }

    [Id(2)] public PeriodAccumulator Accumulator { get; set; } = new();

    public LivePeriod Clone() => new() { TemplateId = TemplateId, TemplateVersion = TemplateVersion, Accumulator = Accumulator.Clone() };
}
