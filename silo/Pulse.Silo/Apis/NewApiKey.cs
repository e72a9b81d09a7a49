namespace Pulse.Silo.Apis;

/// <summary>A key to issue: a name people recognise (e.g. "loan system") and its scopes.</summary>
public sealed record NewApiKey(string Name, string[] Scopes);
