using Microsoft.AspNetCore.SignalR;
using Pulse.Services;

namespace Pulse.WebDashboard.Hub;

/// <summary>A service grain's <see cref="Answer{T}"/> as a hub result: the value, or a refusal with a short stable code.</summary>
public static class HubAnswers
{
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";

    public static T ValueOrThrow<T>(this Answer<T> answer) => answer switch
    {
        { Status: AnswerStatus.Ok, Value: { } value } => value,
        { Status: AnswerStatus.NotFound } => throw new HubException(NotFound),
        { Status: AnswerStatus.Invalid } => throw Invalid(answer.Errors.FirstOrDefault()?.Item ?? "input"),
        { Status: AnswerStatus.Conflict } => throw new HubException("conflict"),
        _ => throw new HubException(Forbidden),
    };

    /// <summary>The refusal of a bad argument, naming it: <c>invalid:departmentId</c>.</summary>
    public static HubException Invalid(string item) => new($"invalid:{item}");
}
