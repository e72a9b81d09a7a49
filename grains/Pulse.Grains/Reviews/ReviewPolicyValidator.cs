using System.Globalization;
using Pulse.Organisation;

namespace Pulse.Reviews;

/// <summary>
/// A review policy checked whole, each wrong field named: grace 0–28 days; at least one band, highest first (strictly
/// descending MinComposite, 0–100), grades unique (1–16 characters), coefficients 0–10; quotas on existing grades with
/// percents 0–100; per-grade pay bases on existing grades, 0 or more.
/// </summary>
public static class ReviewPolicyValidator
{
    public const int MaxGraceDays = 28;
    public const decimal MaxCoefficient = 10m;
    public const int MaxBands = 20;
    public const int MaxGradeLength = 16;

    public static ValidationError[] Validate(ReviewPolicy? policy)
    {
        var errors = new ValidationErrors();
        if (policy is null)
        {
            errors.Add("policy", "Required.");
            return errors.ToArray();
        }
        if (policy.GraceDays is < 0 or > MaxGraceDays) errors.Add("graceDays", $"Must be between 0 and {MaxGraceDays} days.");
        var grades = CheckBands(policy.Bands, errors);
        if (policy.Distribution is { } distribution) CheckDistribution(distribution, grades, errors);
        if (policy.BaseByGrade is { } bases)
        {
            foreach (var (grade, amount) in bases)
            {
                if (!grades.Contains(grade)) errors.Add($"baseByGrade.{grade}", "Names no grade of the bands.");
                else if (amount is < 0 or > 1_000_000_000m) errors.Add($"baseByGrade.{grade}", "Must be between 0 and 1,000,000,000.");
            }
        }
        return errors.ToArray();
    }

    private static HashSet<string> CheckBands(GradeBand[]? bands, ValidationErrors errors)
    {
        var grades = new HashSet<string>(StringComparer.Ordinal);
        if (bands is not { Length: > 0 })
        {
            errors.Add("bands", "At least one grade band is required.");
            return grades;
        }
        if (bands.Length > MaxBands) errors.Add("bands", $"At most {MaxBands} bands.");
        decimal? previous = null;
        for (var i = 0; i < bands.Length; i++)
        {
            var band = bands[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"bands[{i}]");
            if (band is null)
            {
                errors.Add(at, "Required.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(band.Grade) || band.Grade.Length > MaxGradeLength) errors.Add($"{at}.grade", $"Required: 1 to {MaxGradeLength} characters.");
            else if (!grades.Add(band.Grade)) errors.Add($"{at}.grade", $"Grade '{band.Grade}' appears twice; grades are unique.");
            if (band.MinComposite is < 0 or > 100) errors.Add($"{at}.minComposite", "Must be between 0 and 100.");
            else if (previous is { } higher && band.MinComposite >= higher) errors.Add($"{at}.minComposite", "Bands go highest first: each minComposite must be lower than the one before.");
            previous = band.MinComposite;
            if (band.Coefficient is < 0 or > MaxCoefficient) errors.Add($"{at}.coefficient", $"Must be between 0 and {MaxCoefficient}.");
        }
        return grades;
    }

    private static void CheckDistribution(ForcedDistribution distribution, HashSet<string> grades, ValidationErrors errors)
    {
        if (!Enum.IsDefined(distribution.Scope)) errors.Add("distribution.scope", "Must be tenant or department.");
        if (distribution.Quotas is not { Length: > 0 })
        {
            errors.Add("distribution.quotas", "At least one quota is required; leave out distribution for none.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < distribution.Quotas.Length; i++)
        {
            var quota = distribution.Quotas[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"distribution.quotas[{i}]");
            if (quota is null)
            {
                errors.Add(at, "Required.");
                continue;
            }
            if (quota.Grade is null || !grades.Contains(quota.Grade)) errors.Add($"{at}.grade", "Must name a grade of the bands.");
            else if (!seen.Add(quota.Grade)) errors.Add($"{at}.grade", $"Grade '{quota.Grade}' has two quotas; give it one.");
            if (quota.MaxPercent is null && quota.MinPercent is null) errors.Add(at, "Give maxPercent, minPercent or both.");
            if (quota.MaxPercent is < 0 or > 100) errors.Add($"{at}.maxPercent", "Must be between 0 and 100.");
            if (quota.MinPercent is < 0 or > 100) errors.Add($"{at}.minPercent", "Must be between 0 and 100.");
        }
    }
}
