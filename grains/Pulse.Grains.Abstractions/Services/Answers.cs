using Pulse.Organisation;

namespace Pulse.Services;

/// <summary>The ways to make an <see cref="Answer{T}"/>.</summary>
public static class Answers
{
    public static Answer<T> Ok<T>(T value) => new(AnswerStatus.Ok, value, [], null);

    public static Answer<T> Invalid<T>(params ValidationError[] errors) => new(AnswerStatus.Invalid, default, errors, null);

    public static Answer<T> Invalid<T>(string item, string reason) => Invalid<T>(new ValidationError(item, reason));

    public static Answer<T> NotFound<T>(string detail) => new(AnswerStatus.NotFound, default, [], detail);

    public static Answer<T> Conflict<T>(string detail) => new(AnswerStatus.Conflict, default, [], detail);

    public static Answer<T> Forbidden<T>() => new(AnswerStatus.Forbidden, default, [], "The caller may not see or do this.");
}
