using Pulse.Templates;

namespace Pulse.Reviews;

/// <summary>
/// One indicator of a person's month against their department's average that month and their previous month.
/// <see cref="Standing"/> is <c>strength</c> (score above the department average), <c>weakness</c> (below) or
/// <c>even</c>; <see cref="ScoreChange"/> is the score's change since the previous archived month.
/// </summary>
public sealed record ImprovementIndicator(
    string IndicatorId,
    LocalizedText? Name,
    decimal? Value,
    decimal? Score,
    decimal? DepartmentAverageValue,
    decimal? DepartmentAverageScore,
    decimal? PreviousValue,
    decimal? PreviousScore,
    decimal? ScoreChange,
    string Standing);
