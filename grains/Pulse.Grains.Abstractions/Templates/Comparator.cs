namespace Pulse.Templates;

[GenerateSerializer]
public enum Comparator
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}
