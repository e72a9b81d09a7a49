using System.Runtime.Versioning;
using Pulse.Silo.Hosting;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>The keys that protect sign-ins are on disk unencrypted, so only the silo's own account may open their folder.</summary>
[UnsupportedOSPlatform("windows")] // there DPAPI encrypts them
public sealed class KeyRingTests(AppFixture fixture)
{
    [Fact]
    public async Task Sign_in_keys_lie_in_a_folder_only_the_owner_may_open()
    {
        // Signing in makes sure a key exists.
        await TenantClient.CreateAsync(fixture.App);

        var keys = Path.Combine(fixture.App.DataDirectory, "keys");

        Assert.Equal(KeyRingFolder.OwnerOnly, File.GetUnixFileMode(keys));
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public void An_existing_folder_open_to_others_is_closed_to_them()
    {
        var keys = Path.Combine(Path.GetTempPath(), "pulse-keys", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(keys);
        File.SetUnixFileMode(keys, KeyRingFolder.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        KeyRingFolder.Prepare(keys);

        Assert.Equal(KeyRingFolder.OwnerOnly, File.GetUnixFileMode(keys));
        Directory.Delete(keys);
    }
}
