namespace Pulse.Bot.DirectLine;

/// <summary>The body of every refusal, as Direct Line documents it: <c>{"error":{"code":"…","message":"…"}}</c>.</summary>
public sealed record DirectLineError(DirectLineErrorDetail Error);
