namespace Pulse.Silo.Apis;

/// <summary>Sign-in: <see cref="UseCookie"/> for the dashboard (HttpOnly cookie), otherwise a bearer token is returned.</summary>
public sealed record SignInRequest(string TenantId, string UserName, string Password, bool UseCookie = false);
