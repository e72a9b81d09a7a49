namespace Pulse.Silo.Apis;

public sealed record PasswordChange(string CurrentPassword, string NewPassword);
