using Microsoft.AspNetCore.Http;

namespace Pulse.Bot.DirectLine;

/// <summary>The grant of an allowed request, or the answer that refuses it.</summary>
public sealed record Access(DirectLineGrant? Grant, IResult? Refusal)
{
    public static Access Refused(IResult refusal) => new(null, refusal);
}
