using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Services;

namespace Pulse.Silo.Problems;

/// <summary>A domain service's <see cref="Answer{T}"/> as an HTTP answer: the value, or a problem document saying why not.</summary>
public static class AnswerResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToHttp<T>(this Answer<T> answer) => answer switch
    {
        { Status: AnswerStatus.Invalid } => Problem.Invalid(answer.Errors),
        { Status: AnswerStatus.Conflict } => Problem.Conflict(answer.Detail ?? "Conflict."),
        { Status: AnswerStatus.NotFound } => Problem.NotFound(answer.Detail ?? "Not found."),
        { Status: AnswerStatus.Ok, Value: { } value } => TypedResults.Ok(value),
        _ => Problem.Forbidden(answer.Detail ?? "The caller may not see or do this."),
    };
}
