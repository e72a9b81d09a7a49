namespace Pulse.Bot.DirectLine;

public sealed record DirectLineErrorDetail(string Code, string Message);
