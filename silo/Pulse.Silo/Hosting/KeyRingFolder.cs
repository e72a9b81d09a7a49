namespace Pulse.Silo.Hosting;

/// <summary>
/// Where the keys that protect cookies and bearer tokens live, and what protects them. On Windows DPAPI encrypts them.
/// Elsewhere there is no key to encrypt them with that would not itself lie on the same disk, so the folder is the
/// protection: owner-only (0700). A certificate would only move the question to the certificate's private key.
/// </summary>
public sealed partial class KeyRingFolder(string path, ILogger<KeyRingFolder> logger) : IHostedService
{
    /// <summary>The category whose "No XML encryptor configured" warning this folder's permissions answer.</summary>
    public const string KeyManagerCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder readable by its owner only, and takes that right from anyone else on an existing one.</summary>
    public static void Prepare(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerOnly);
        File.SetUnixFileMode(path, OwnerOnly);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows()) LogProtection(logger, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in keys are kept unencrypted in {Path}, a folder only this account may open (0700): those permissions are what protects them")]
    private static partial void LogProtection(ILogger logger, string path);
}
