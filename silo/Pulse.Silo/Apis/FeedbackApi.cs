using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Feedback;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

/// <summary>Feedback and praise: each endpoint asks <see cref="FeedbackService"/>, the service the hub and the bot ask too.</summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/employees/{employeeId}/feedback", ListAsync).WithTags("Feedback")
            .WithSummary("An employee's feedback and praise, newest first, a page at a time (?cursor=&limit=, at most 100)")
            .WithDescription("The employee, their managers and HR may read it. nextCursor asks for the next, older page; null on the last.")
            .RequirePermission(Permission.EmployeePerformanceRead, "employeeId");
        routes.MapPost("/employees/{employeeId}/feedback", GiveAsync).WithTags("Feedback")
            .WithSummary("Give feedback or praise to an employee: text (1–2,000 characters), kind (praise, improve, note), optional indicatorId")
            .WithDescription("HR, or a manager of the employee's department or above; never to oneself. Audited.")
            .RequirePermission(Permission.FeedbackGive, "employeeId");
        routes.MapPost("/employees/{employeeId}/feedback/{feedbackId:long}/reply", ReplyAsync).WithTags("Feedback")
            .WithSummary("The employee's one reply to a piece of feedback: acknowledge or object (申诉), with optional text")
            .WithDescription("Only the employee, once: a second reply answers 409. Audited.")
            .RequirePermission(Permission.EmployeePerformanceRead, "employeeId");
        return routes;
    }

    private static async Task<Results<Ok<FeedbackPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string employeeId, string? cursor, int? limit, PulseRequest request, FeedbackService feedback) =>
        (await feedback.ListAsync(request.Context, employeeId, cursor, limit)).ToHttp();

    private static async Task<Results<Created<FeedbackItem>, ValidationProblem, ProblemHttpResult>> GiveAsync(
        string employeeId, NewFeedback item, PulseRequest request, FeedbackService feedback)
    {
        var answer = await feedback.GiveAsync(request.Context, employeeId, item);
        if (answer is { Status: AnswerStatus.Ok, Value: { } given })
            return TypedResults.Created($"/api/v1/employees/{Uri.EscapeDataString(employeeId)}/feedback/{given.Id}", given);
        return answer.ToHttp().Result switch
        {
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => Problem.Forbidden("The caller may not see or do this."),
        };
    }

    private static async Task<Results<Ok<FeedbackItem>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        string employeeId, long feedbackId, NewFeedbackReply reply, PulseRequest request, FeedbackService feedback) =>
        (await feedback.ReplyAsync(request.Context, employeeId, feedbackId, reply)).ToHttp();
}
