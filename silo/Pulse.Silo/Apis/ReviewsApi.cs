using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Reviews;
using Pulse.Security;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

/// <summary>One person's monthly review: each endpoint asks <see cref="PersonalReviewService"/>, the service the hub and the bot ask too.</summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder routes)
    {
        const string Person = "/cycles/{period}/employees/{employeeId}";
        routes.MapGet(Person, GetAsync).WithTags("Reviews")
            .WithSummary("One person's review for a month (yyyy-MM): rated indicators, self-assessment, ratings with comments, frozen scorecard, composite, grade, pay, response")
            .WithDescription("The employee, their managers and HR. Until the result is published the employee sees their own review without the manager's ratings, the composite, the grade and the pay. 404 when the cycle does not exist or does not include them.")
            .RequirePermission(Permission.EmployeePerformanceRead, "employeeId");
        routes.MapPut(Person + "/ratings", RateAsync).WithTags("Reviews")
            .WithSummary("Rate the employee's rated (behavioural) indicators: [{indicatorId, rating (a whole number 1–5), comment (1–2,000 characters)}]")
            .WithDescription("A manager of the employee's department or above, never themself; HR for the people nobody in the organisation is above (the cycle's missing ratings say ratedByHr). A rating may be changed until calibration grades the review (409 after). Each rating given or changed is audited (review.rating.give, review.rating.change).")
            .RequirePermission(Permission.ReviewRate, "employeeId");
        routes.MapPut(Person + "/self-assessment", SelfAssessAsync).WithTags("Reviews")
            .WithSummary("The employee's own assessment: {ratings: [{indicatorId, rating, comment?}], comment}")
            .WithDescription("Only the employee, once, while the cycle is open or rating (409 after the freeze or a second time). Audited (review.self-assessment).")
            .RequirePermission(Permission.EmployeePerformanceRead, "employeeId");
        routes.MapPost(Person + "/response", RespondAsync).WithTags("Reviews")
            .WithSummary("The employee's one answer to their published result: {kind: acknowledge|object, text}")
            .WithDescription("Only the employee, once, after publication (409 before, or a second time). An objection needs its reason (1–2,000 characters) and goes to HR: audited as review.objection and listed at /cycles/{period}/objections.")
            .RequirePermission(Permission.EmployeePerformanceRead, "employeeId");
        routes.MapGet("/cycles/{period}/objections", ObjectionsAsync).WithTags("Reviews")
            .WithSummary("The month's published results their employee objected to, oldest objection first")
            .WithDescription("HR.")
            .RequirePermission(Permission.ReviewManage);
        return routes;
    }

    private static async Task<Results<Ok<EmployeeReview>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string period, string employeeId, PulseRequest request, PersonalReviewService reviews) =>
        (await reviews.GetAsync(request.Context, period, employeeId)).ToHttp();

    private static async Task<Results<Ok<EmployeeReview>, ValidationProblem, ProblemHttpResult>> RateAsync(
        string period, string employeeId, RatingInput[] ratings, PulseRequest request, PersonalReviewService reviews) =>
        (await reviews.RateAsync(request.Context, period, employeeId, ratings)).ToHttp();

    private static async Task<Results<Ok<EmployeeReview>, ValidationProblem, ProblemHttpResult>> SelfAssessAsync(
        string period, string employeeId, SelfAssessmentInput assessment, PulseRequest request, PersonalReviewService reviews) =>
        (await reviews.SelfAssessAsync(request.Context, period, employeeId, assessment)).ToHttp();

    private static async Task<Results<Ok<EmployeeReview>, ValidationProblem, ProblemHttpResult>> RespondAsync(
        string period, string employeeId, ReviewResponseInput response, PulseRequest request, PersonalReviewService reviews) =>
        (await reviews.RespondAsync(request.Context, period, employeeId, response)).ToHttp();

    private static async Task<Results<Ok<EmployeeReview[]>, ValidationProblem, ProblemHttpResult>> ObjectionsAsync(
        string period, PulseRequest request, PersonalReviewService reviews) =>
        (await reviews.ObjectionsAsync(request.Context, period)).ToHttp();
}
