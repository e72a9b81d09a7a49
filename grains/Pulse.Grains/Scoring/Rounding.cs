namespace Pulse.Scoring;

/// <summary>Reported numbers have 2 decimals, half away from zero (how people round by hand); sums use exact values.</summary>
internal static class Rounding
{
    public static decimal Report(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal? Report(decimal? value) => value is { } v ? Report(v) : null;
}
