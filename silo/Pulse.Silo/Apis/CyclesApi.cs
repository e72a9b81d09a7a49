using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Reviews;
using Pulse.Security;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

/// <summary>
/// The monthly review cycle and the review policy: each endpoint asks <see cref="ReviewService"/>, the service the hub
/// and the bot ask through <c>IReviewGrain</c>. Periods are <c>yyyy-MM</c>; a malformed one is a 400 naming
/// <c>period</c>, a month never opened a 404.
/// </summary>
public static class CyclesApi
{
    public static IEndpointRouteBuilder MapCyclesApi(this IEndpointRouteBuilder routes)
    {
        var cycles = routes.MapGroup("/cycles/{period}").WithTags("Review cycle");
        cycles.MapGet("/", async (string period, PulseRequest request, ReviewService reviews) => (await reviews.GetCycleAsync(request.Context, period)).ToHttp())
            .WithSummary("A month's review cycle: status, schedule, progress, who still waits for ratings, transitions, payroll, adjustments")
            .WithDescription("HR sees the whole tenant; a manager sees it counted over the departments they manage. Others: 403.")
            .RequirePermission(Permission.Self);
        cycles.MapGet("/calibration", async (string period, PulseRequest request, ReviewService reviews) => (await reviews.GetCalibrationAsync(request.Context, period)).ToHttp())
            .WithSummary("Everyone ranked by composite (ties: quantitative score, then employee id), band grade, the grade the quotas suggest, the final grade, counts per grade")
            .RequirePermission(Permission.ReviewManage);
        cycles.MapPut("/grades/{employeeId}", async (string period, string employeeId, GradeChange change, PulseRequest request, ReviewService reviews) =>
                (await reviews.OverrideGradeAsync(request.Context, period, employeeId, change.Grade, change.Reason)).ToHttp())
            .WithSummary("Change a person's grade in calibration: grade (a grade of the policy, or null for the suggestion) and reason (required). Audited.")
            .RequirePermission(Permission.ReviewManage);
        cycles.MapPost("/open", async (string period, PulseRequest request, ReviewService reviews) => (await reviews.OpenAsync(request.Context, period)).ToHttp())
            .WithSummary("Open a month the opener never opened (no silo ran through it, or reviews started in Pulse later) and bring it up to the clock")
            .WithDescription("A past month moves to rating and, once its grace window is over, freezes in the same call. A month already opened is answered as it stands; a month not yet begun is a 409. Audited (cycle.open-late) when it opens the month.")
            .RequirePermission(Permission.ReviewManage);
        cycles.MapPost("/approve", async (string period, PulseRequest request, ReviewService reviews) => (await reviews.ApproveAsync(request.Context, period)).ToHttp())
            .WithSummary("Approve a calibrating cycle: grades and pay are published, pay lines go to payroll, results to the archive; the cycle is archived")
            .WithDescription("409 says what blocks: the cycle is not calibrating, or people still wait for ratings (named). The approval is recorded first; if publishing, paying or archiving is interrupted the answer is the cycle still calibrating with 'approving' set, and the next call or the opener's next pass finishes it as recorded. Audited once.")
            .RequirePermission(Permission.ReviewManage);
        cycles.MapPost("/reopen", async (string period, CycleReopening reopening, PulseRequest request, ReviewService reviews) =>
                (await reviews.ReopenAsync(request.Context, period, reopening.Reason)).ToHttp())
            .WithSummary("Open an archived cycle again for calibration, with a reason (required); the next approval re-publishes and re-sends only changes. Audited.")
            .RequirePermission(Permission.ReviewManage);
        cycles.MapGet("/adjustments", async (string period, PulseRequest request, ReviewService reviews) => (await reviews.GetAdjustmentsAsync(request.Context, period)).ToHttp())
            .WithSummary("Post-close adjustments: people whose month received events after the freeze, with the frozen and current event counts and composites")
            .RequirePermission(Permission.ReviewManage);

        var policy = routes.MapGroup("/review-policy").WithTags("Review cycle");
        policy.MapGet("/", async (PulseRequest request, ReviewService reviews) => (await reviews.GetPolicyAsync(request.Context)).ToHttp())
            .WithSummary("The review policy: grace days, grade bands (highest first) with pay coefficients, forced distribution, pay base per grade")
            .WithDescription("HR and managers read it.")
            .RequirePermission(Permission.Self);
        policy.MapPut("/", async (ReviewPolicy body, PulseRequest request, ReviewService reviews) => (await reviews.SetPolicyAsync(request.Context, body)).ToHttp())
            .WithSummary("Replace the review policy (validated whole; each wrong field named). Audited.")
            .RequirePermission(Permission.ReviewManage);
        return routes;
    }
}
