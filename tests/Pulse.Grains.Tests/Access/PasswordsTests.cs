using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pulse.Security;

namespace Pulse.Tests.Access;

public sealed class PasswordsTests
{
    [Fact]
    public void A_hash_verifies_its_password_only()
    {
        var hash = Passwords.Hash("alice", "correct horse");

        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify("alice", hash, "correct horse"));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify("alice", hash, "wrong horse"));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify("alice", hash, null));
    }

    [Fact]
    public void A_hash_of_an_older_format_still_verifies_but_asks_for_a_rehash()
    {
        var v2 = new PasswordHasher<string>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }));
        var old = v2.HashPassword("alice", "correct horse");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Passwords.Verify("alice", old, "correct horse"));
    }
}
