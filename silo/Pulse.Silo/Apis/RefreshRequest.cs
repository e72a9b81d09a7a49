namespace Pulse.Silo.Apis;

/// <summary>The refresh token from the last sign-in or refresh answer.</summary>
public sealed record RefreshRequest(string RefreshToken);
