namespace Pulse.Scoring;

/// <summary>
/// Decimal arithmetic that clamps to <see cref="decimal.MinValue"/>…<see cref="decimal.MaxValue"/> instead of throwing:
/// one absurd amount in the log must never make a fold or a scorecard fail, now or on every rebuild after it.
/// </summary>
public static class Saturating
{
    public static decimal Add(decimal a, decimal b)
    {
        try { return a + b; }
        catch (OverflowException) { return b > 0m ? decimal.MaxValue : decimal.MinValue; }
    }

    public static decimal Subtract(decimal a, decimal b)
    {
        try { return a - b; }
        catch (OverflowException) { return b < 0m ? decimal.MaxValue : decimal.MinValue; }
    }

    public static decimal Multiply(decimal a, decimal b)
    {
        try { return a * b; }
        catch (OverflowException) { return (a < 0m) == (b < 0m) ? decimal.MaxValue : decimal.MinValue; }
    }

    /// <summary>a ÷ b; the caller rules out a zero divisor.</summary>
    public static decimal Divide(decimal a, decimal b)
    {
        try { return a / b; }
        catch (OverflowException) { return (a < 0m) == (b < 0m) ? decimal.MaxValue : decimal.MinValue; }
    }
}
