namespace Pulse.Templates;

[GenerateSerializer]
public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}
