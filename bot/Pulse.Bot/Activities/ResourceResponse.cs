namespace Pulse.Bot.Activities;

public sealed record ResourceResponse(string Id);
