using Pulse.Security;

namespace Pulse.Tests.Access;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse")]
    [InlineData("0123456789a")]
    public void A_long_enough_password_that_is_not_the_user_name_passes(string password) =>
        Assert.Empty(PasswordPolicy.Check(password, "alice", "password"));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("short1", "must be at least 10 characters")]
    [InlineData("01234567890123", "must not be only digits")]
    [InlineData("Alice.Wang", "must not be the user name")]
    public void A_weak_password_is_refused_under_the_field_named(string? password, string reason)
    {
        var error = Assert.Single(PasswordPolicy.Check(password, "alice.wang", "newPassword"));

        Assert.Equal("newPassword", error.Item);
        Assert.Equal(reason, error.Reason);
    }
}
