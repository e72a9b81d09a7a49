namespace Pulse.Bot.DirectLine;

/// <summary>A token and its lifetime in seconds.</summary>
public sealed record IssuedToken(string Token, int ExpiresIn);
