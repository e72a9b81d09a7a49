using Pulse.Organisation;

namespace Pulse.Services;

/// <summary>
/// A domain service's answer to one caller, the same whether the API, the dashboard hub or the chat bot asked:
/// the value, or why there is none. Made with <see cref="Answers"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.answer`1")]
public sealed record Answer<T>(
    [property: Id(0)] AnswerStatus Status,
    [property: Id(1)] T? Value,
    [property: Id(2)] ValidationError[] Errors,
    [property: Id(3)] string? Detail);
