namespace Pulse.Scoring;

/// <summary>Manager ratings are 1–5 and score 20 points each, so a 5 is 100 and a 3 is 60.</summary>
public static class Ratings
{
    public const decimal Min = 1m;
    public const decimal Max = 5m;
    public const decimal PointsPerStep = 20m;

    public static bool IsValid(decimal rating) => rating is >= Min and <= Max;

    public static decimal Score(decimal rating) => IsValid(rating)
        ? rating * PointsPerStep
        : throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is between 1 and 5.");
}
