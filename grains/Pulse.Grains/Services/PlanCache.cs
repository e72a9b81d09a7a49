using System.Runtime.CompilerServices;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Services;

/// <summary>
/// Compiled plans per template version, shared by all grains of the silo. Keyed by the template instance, which
/// lives as long as the rules snapshot that holds it, so plans go away with the versions they belong to.
/// </summary>
public sealed class PlanCache
{
    private readonly ConditionalWeakTable<KpiTemplate, TemplatePlan> _plans = [];

    public TemplatePlan For(KpiTemplate template) => _plans.GetValue(template, TemplatePlan.Compile);
}
