using Pulse.Templates;

namespace Pulse.Scoring;

public static class ComparatorExtensions
{
    public static bool Holds(this Comparator comparator, decimal value, decimal threshold) => comparator switch
    {
        Comparator.GreaterThan => value > threshold,
        Comparator.GreaterOrEqual => value >= threshold,
        Comparator.LessThan => value < threshold,
        Comparator.LessOrEqual => value <= threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "Unknown comparator."),
    };
}
