using Orleans.Concurrency;
using Pulse.EventLog;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Services;
using Pulse.Templates;

namespace Pulse.Grains;

/// <summary>
/// Scores a draft template against a period straight from the log: a pure fold, nothing stored, nothing
/// published. Stateless, so the silo runs as many as the load needs.
/// </summary>
[StatelessWorker]
public sealed class WhatIfGrain(IEventLog log, TenantRulesProvider rulesProvider, TimeProvider clock) : Grain, IWhatIfGrain
{
    public async Task<EmployeePerformance[]> PreviewAsync(KpiTemplate draft, string period, string[] employeeIds)
    {
        var tenantId = this.GetPrimaryKeyString();
        var rules = await rulesProvider.GetAsync(tenantId) ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");
        var plan = TemplatePlan.Compile(draft);
        var now = clock.GetUtcNow();
        var results = new List<EmployeePerformance>(employeeIds.Length);
        foreach (var employeeId in employeeIds)
        {
            if (!rules.Employees.TryGetValue(employeeId, out var employee)) continue;
            var accumulator = new PeriodAccumulator();
            var events = await log.ReadPeriodAsync(new StreamId(tenantId, employeeId), period);
            foreach (var stored in events) plan.Fold(accumulator, stored.Event, stored.Seq);
            results.Add(PerformanceBuilder.Build(employee, period, draft, plan, accumulator, rules, now, events.Count == 0 ? 0 : events[^1].Seq));
        }
        return [.. results];
    }
}
