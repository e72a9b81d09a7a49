using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Pulse.Security;

/// <summary>
/// ASP.NET Core Identity's password hasher (PBKDF2, salted, versioned format). The hasher ignores its user
/// argument, so the user name is passed only to satisfy the signature.
/// </summary>
public static class Passwords
{
    private static readonly PasswordHasher<string> Hasher = new();

    // A hash of a random password, checked for unknown users so that a sign-in takes as long whether or not the user exists.
    private static readonly Lazy<string> Decoy = new(() => Hasher.HashPassword("", Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public static string Hash(string userName, string password) => Hasher.HashPassword(userName, password);

    public static PasswordVerificationResult Verify(string userName, string hash, string? password) =>
        password is null ? PasswordVerificationResult.Failed : Hasher.VerifyHashedPassword(userName, hash, password);

    /// <summary>Does the work of a verification and always fails.</summary>
    public static void VerifyDecoy(string? password) => Hasher.VerifyHashedPassword("", Decoy.Value, password ?? "");
}
