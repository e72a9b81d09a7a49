namespace Pulse.Templates;

[GenerateSerializer]
public enum MeasureKind
{
    Count,
    Sum,
    Avg,
    Latest,
    Ratio,
}
