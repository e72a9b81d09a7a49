namespace Pulse.Silo.Apis;

public sealed record PasswordReset(string NewPassword);
