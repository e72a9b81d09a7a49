namespace Pulse.Bot.DirectLine;

/// <summary>A request body that passed the checks (<see cref="Json"/>, null when empty and allowed), or why it did not.</summary>
public sealed record BodyRead(ReadOnlyMemory<byte>? Json, string? Problem)
{
    public static BodyRead Refused(string problem) => new(null, problem);
}
