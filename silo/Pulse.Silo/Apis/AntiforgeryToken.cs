namespace Pulse.Silo.Apis;

public sealed record AntiforgeryToken(string HeaderName, string Token);
