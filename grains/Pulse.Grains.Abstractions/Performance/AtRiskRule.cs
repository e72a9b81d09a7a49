namespace Pulse.Performance;

/// <summary>
/// When a member counts as at risk, one rule for the department aggregates and the dashboard's team rows: a breached
/// alert, or a month-end composite projected below <see cref="ProjectedBelow"/> at the pace so far (the composite itself
/// where no projection is given), so early in a month nobody is at risk merely because little of it has passed.
/// </summary>
public static class AtRiskRule
{
    public const decimal ProjectedBelow = 60;

    public static bool Applies(int breachedAlerts, decimal? projectedComposite, decimal? composite) =>
        breachedAlerts > 0 || (projectedComposite ?? composite) < ProjectedBelow;
}
