using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Security;
using Pulse.Silo.Problems;

namespace Pulse.Silo.Apis;

/// <summary>
/// Runs an organisation change on the tenant grain and answers for it: refused whole with a problem naming each
/// item, or applied — then this silo's rules copy is refreshed and the employees whose template changed are
/// recomputed from the log before the answer goes out.
/// </summary>
public sealed class ChangeApplier(IGrainFactory grains, TenantRulesProvider rules, AuditTrail audit)
{
    public async Task<Results<Ok<ChangeSummary>, ValidationProblem>> ApplyAsync(Caller caller, Func<ITenantGrain, Task<ChangeResult>> change)
    {
        var tenantId = caller.TenantId;
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        var before = await tenant.GetRulesAsync();
        var result = await change(tenant);
        if (!result.Applied) return Problem.Invalid(result.Errors);
        rules.Invalidate(tenantId);
        await audit.RecordChangesAsync(caller, before, (await tenant.GetRulesAsync())!);
        await Task.WhenAll(result.AffectedEmployees.Select(id =>
            grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, id)).RecomputeAsync(result.Version)));
        return TypedResults.Ok(new ChangeSummary(result.Version, result.AffectedEmployees.Length));
    }
}
