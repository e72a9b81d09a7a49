using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Organisation;

namespace Pulse.Silo.Problems;

/// <summary>RFC 9457 problem answers, each naming the item and the reason.</summary>
public static class Problem
{
    public static ValidationProblem Invalid(string item, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [item] = [reason] }, title: "The request is not valid.");

    public static ValidationProblem Invalid(IEnumerable<ValidationError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Item, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal),
            title: "The request is not valid.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.");

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large.");

    public static ProblemHttpResult Unavailable(string detail, object? extensions = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not confirmed; safe to retry.",
            extensions: extensions is null ? null : new Dictionary<string, object?> { ["result"] = extensions });
}
