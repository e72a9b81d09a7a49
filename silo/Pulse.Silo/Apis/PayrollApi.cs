using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Audit;
using Pulse.Grains;
using Pulse.Payroll;
using Pulse.Reviews;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

/// <summary>
/// Performance pay: a cycle's pay lines as JSON, CSV or XLSX, and the tenant's payroll endpoint the approved lines are
/// pushed to. HR only (<see cref="Permission.ReviewManage"/>), the endpoint included: whoever sets it receives every
/// employee's pay, so an admin, who does not see pay, may not point it elsewhere.
/// </summary>
public static class PayrollApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapPayrollApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cycles/{period}/pay", PayAsync)
            .WithTags("Payroll")
            .WithSummary("A cycle's performance pay lines; ?format=csv or ?format=xlsx downloads them as pulse-pay-{period}.csv|xlsx")
            .WithDescription("Columns: 期间 Period, 工号 EmployeeId, 姓名 Name, 部门编号 DepartmentId, 部门 Department, 等级 Grade, 综合得分 Composite, 绩效基数 Base, 系数 Coefficient, 绩效工资 Amount, 币种 Currency. CSV is UTF-8 with BOM (RFC 4180); text that starts like a formula is prefixed with an apostrophe.")
            .RequirePermission(Permission.ReviewManage);
        var group = routes.MapGroup("/payroll-endpoint").WithTags("Payroll");
        group.MapGet("", GetEndpointAsync)
            .WithSummary("The payroll endpoint: the URL masked to scheme and host, whether a signing secret is stored")
            .RequirePermission(Permission.ReviewManage);
        group.MapPut("", SetEndpointAsync)
            .WithSummary("Set the payroll endpoint {url, secret}; the secret is write-only and stored encrypted")
            .WithDescription("url: https (plain http only to loopback where the silo allows it). secret: 16 to 256 characters; leave it out to keep the stored one. Periods that pushed lines are resumed: what waits or failed is sent now.")
            .RequirePermission(Permission.ReviewManage);
        return group;
    }

    private static async Task<Results<Ok<PayLine[]>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PayAsync(string period, string? format, PulseRequest tenant, IGrainFactory grains)
    {
        if (!Period.IsValid(period)) return Problem.Invalid("period", "use yyyy-MM, for example 2025-01");
        var kind = format?.ToLowerInvariant();
        if (kind is not (null or "json" or "csv" or "xlsx")) return Problem.Invalid("format", "use csv or xlsx, or leave it out for JSON");
        var answer = await grains.GetGrain<IReviewGrain>(tenant.TenantId).GetPayAsync(tenant.Caller, period);
        if (answer is not { Status: AnswerStatus.Ok, Value: { } lines })
        {
            return answer.Status switch
            {
                AnswerStatus.Invalid => Problem.Invalid(answer.Errors),
                AnswerStatus.NotFound => Problem.NotFound(answer.Detail ?? "Not found."),
                AnswerStatus.Conflict => Problem.Conflict(answer.Detail ?? "Conflict."),
                _ => Problem.Forbidden(answer.Detail ?? "The caller may not see or do this."),
            };
        }
        string? Department(string id) => tenant.Rules.FindDepartment(id)?.Name;
        return kind switch
        {
            "csv" => TypedResults.File(PayExport.Csv(lines, Department), "text/csv; charset=utf-8", $"pulse-pay-{period}.csv"),
            "xlsx" => TypedResults.File(PayExport.Xlsx(lines, Department), XlsxType, $"pulse-pay-{period}.xlsx"),
            _ => TypedResults.Ok(lines),
        };
    }

    private static async Task<Ok<PayrollEndpointView>> GetEndpointAsync(PulseRequest tenant, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPayrollEndpointGrain>(tenant.TenantId).GetAsync());

    private static async Task<Results<Ok<PayrollEndpointView>, ValidationProblem, ProblemHttpResult>> SetEndpointAsync(
        PayrollEndpointInput request, PulseRequest tenant, IGrainFactory grains, AuditTrail audit)
    {
        var grain = grains.GetGrain<IPayrollEndpointGrain>(tenant.TenantId);
        var before = await grain.GetAsync();
        var answer = await grain.SetAsync(request, tenant.Caller.Name);
        if (answer is not { Status: AnswerStatus.Ok, Value: { } after }) return answer.ToHttp();
        // The audit keeps the masked URL and whether the secret changed, never the secret.
        await audit.RecordAsync(tenant.Caller, "payroll-endpoint.update", tenant.TenantId,
            before.Configured ? new { before.MaskedUrl, before.HasSecret } : null,
            new { after.MaskedUrl, after.HasSecret, SecretChanged = request.Secret is not null });
        var periods = await grain.GetPeriodsAsync();
        await Task.WhenAll(periods.Select(p => grains.GetGrain<IPayrollGrain>(GrainKeys.For(tenant.TenantId, p)).ResumeAsync()));
        return TypedResults.Ok(after);
    }
}
