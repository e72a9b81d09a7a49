namespace Pulse.Services;

/// <summary>What became of a caller's request to a domain service.</summary>
[GenerateSerializer]
public enum AnswerStatus
{
    Ok,

    /// <summary>The input is wrong; <see cref="Answer{T}.Errors"/> names each item and the reason.</summary>
    Invalid,

    /// <summary>What was asked for does not exist (and the caller may know that).</summary>
    NotFound,

    /// <summary>Not this caller's to see or do; says nothing about whether it exists.</summary>
    Forbidden,

    /// <summary>The request clashes with what is already there (e.g. a second reply); <see cref="Answer{T}.Detail"/> says what.</summary>
    Conflict,
}
