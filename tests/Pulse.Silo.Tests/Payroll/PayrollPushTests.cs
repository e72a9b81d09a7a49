using Pulse.Silo.Tests.Infrastructure;
using static Pulse.Silo.Tests.Payroll.PayrollSteps;

namespace Pulse.Silo.Tests.Payroll;

/// <summary>Approved pay lines reach the payroll system signed, once per content, retried when worth it, refused when not.</summary>
[Collection(PayrollCollection.Name)]
public sealed class PayrollPushTests(PayrollAppFixture fixture)
{
    private PayrollReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task A_push_arrives_signed_with_every_line_and_an_idempotency_key()
    {
        var (tenant, path) = await ConfiguredTenantAsync(fixture);
        var grain = Grain(fixture, tenant);

        var queued = await grain.PushAsync(Lines());

        Assert.True(queued.Configured);
        var push = Assert.Single(await ReceivedAsync(Receiver, path, 1));
        Assert.True(push.SignatureValid, "the signature must verify with the tenant's secret");
        Assert.Equal(tenant.TenantId, push.Body["tenantId"]!.GetValue<string>());
        Assert.Equal(Period, push.Body["period"]!.GetValue<string>());
        Assert.Equal(["B001", "B002", "O001"], push.EmployeeIds);
        var first = push.Lines[0]!;
        Assert.Equal("张伟", first["name"]!.GetValue<string>());
        Assert.Equal("biz", first["departmentId"]!.GetValue<string>());
        Assert.Equal("S", first["grade"]!.GetValue<string>());
        Assert.Equal(93.456m, first["composite"]!.GetValue<decimal>());
        Assert.Equal(2000m, first["base"]!.GetValue<decimal>());
        Assert.Equal(1.5m, first["coefficient"]!.GetValue<decimal>());
        Assert.Equal(3000m, first["amount"]!.GetValue<decimal>());
        Assert.Equal("CNY", first["currency"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", push.IdempotencyKey);
        Assert.Equal(3, push.Lines.Select(l => l!["idempotencyKey"]!.GetValue<string>()).Distinct().Count());
        var status = await SettledAsync(grain, s => s.Pushed == 3);
        Assert.Equal((0, 0, null), (status.Pending, status.Failed, status.LastError));
        Assert.NotNull(status.LastAttemptAt);
    }

    [Fact]
    public async Task Pushing_the_same_lines_again_sends_nothing_and_a_changed_grade_sends_exactly_that_line()
    {
        var (tenant, path) = await ConfiguredTenantAsync(fixture);
        var grain = Grain(fixture, tenant);
        await grain.PushAsync(Lines());
        await SettledAsync(grain, s => s.Pushed == 3);

        var again = await grain.PushAsync(Lines());

        // Nothing is queued, so nothing can be sent.
        Assert.Equal((3, 0, 0), (again.Pushed, again.Pending, again.Failed));

        var lines = Lines();
        lines[1] = lines[1] with { Grade = "A", Coefficient = 1.2m, Amount = 1800m };
        var changed = await grain.PushAsync(lines);

        Assert.Equal(1, changed.Pending);
        var received = await ReceivedAsync(Receiver, path, 2);
        await SettledAsync(grain, s => s.Pushed == 3 && s.Pending == 0);
        Assert.Equal(2, Receiver.Received(path).Count);
        var second = received[1];
        Assert.True(second.SignatureValid);
        Assert.Equal(["B002"], second.EmployeeIds);
        Assert.Equal("A", second.Lines[0]!["grade"]!.GetValue<string>());
        Assert.Equal(1800m, second.Lines[0]!["amount"]!.GetValue<decimal>());
        Assert.NotEqual(received[0].IdempotencyKey, second.IdempotencyKey);
    }

    [Fact]
    public async Task A_line_left_out_is_withdrawn_without_a_retraction_and_not_sent_again_when_it_returns_unchanged()
    {
        var (tenant, path) = await ConfiguredTenantAsync(fixture);
        var grain = Grain(fixture, tenant);
        await grain.PushAsync(Lines());
        await SettledAsync(grain, s => s.Pushed == 3);

        var without = await grain.PushAsync(Lines()[..2]);
        var back = await grain.PushAsync(Lines());

        Assert.Equal((2, 0), (without.Pushed, without.Pending));
        Assert.Equal((3, 0), (back.Pushed, back.Pending));
        Assert.Single(Receiver.Received(path));
    }

    [Fact]
    public async Task A_receiver_failing_twice_with_503_gets_the_lines_on_the_third_attempt_under_the_same_key()
    {
        var (tenant, path) = await ConfiguredTenantAsync(fixture);
        Receiver.Script(path, n => n <= 2 ? 503 : 200);
        var grain = Grain(fixture, tenant);

        await grain.PushAsync(Lines());

        var received = await ReceivedAsync(Receiver, path, 3);
        var status = await SettledAsync(grain, s => s.Pushed == 3);
        Assert.Equal((0, 0, null), (status.Pending, status.Failed, status.LastError));
        Assert.All(received, r => Assert.True(r.SignatureValid));
        Assert.Single(received.Select(r => r.IdempotencyKey).Distinct());
        Assert.All(received, r => Assert.Equal(["B001", "B002", "O001"], r.EmployeeIds));
        Assert.Equal(3, Receiver.Received(path).Count);
    }

    [Fact]
    public async Task A_400_is_recorded_as_failed_without_the_answer_body_and_not_retried()
    {
        var (tenant, path) = await ConfiguredTenantAsync(fixture);
        Receiver.Script(path, _ => 400);
        var grain = Grain(fixture, tenant);

        await grain.PushAsync(Lines());

        var status = await SettledAsync(grain, s => s.Failed == 3);
        Assert.Equal((0, 0), (status.Pushed, status.Pending));
        Assert.Equal("HTTP 400", status.LastError);
        Assert.NotNull(status.LastAttemptAt);
        // Nothing waits for another attempt, so none will come.
        Assert.Single(Receiver.Received(path));
    }

    [Fact]
    public async Task Without_an_endpoint_lines_are_kept_and_sent_once_it_is_set()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var grain = Grain(fixture, tenant);

        var kept = await grain.PushAsync(Lines());

        Assert.False(kept.Configured);
        Assert.Equal((0, 3, 0), (kept.Pushed, kept.Pending, kept.Failed));
        var secret = "later-" + Guid.NewGuid().ToString("N");
        await SetEndpointAsync(tenant, Receiver.NewUrl(secret, out var path), secret);
        var push = Assert.Single(await ReceivedAsync(Receiver, path, 1));
        Assert.True(push.SignatureValid);
        Assert.Equal(["B001", "B002", "O001"], push.EmployeeIds);
        var status = await SettledAsync(grain, s => s.Pushed == 3);
        Assert.True(status.Configured);
    }

    [Fact]
    public async Task A_failed_push_is_sent_again_after_the_endpoint_is_corrected()
    {
        var (tenant, badPath) = await ConfiguredTenantAsync(fixture);
        Receiver.Script(badPath, _ => 404);
        var grain = Grain(fixture, tenant);
        await grain.PushAsync(Lines());
        await SettledAsync(grain, s => s.Failed == 3);

        var secret = "fixed-" + Guid.NewGuid().ToString("N");
        await SetEndpointAsync(tenant, Receiver.NewUrl(secret, out var goodPath), secret);

        Assert.Single(await ReceivedAsync(Receiver, goodPath, 1));
        var status = await SettledAsync(grain, s => s.Pushed == 3);
        Assert.Equal((0, null), (status.Failed, status.LastError));
    }
}
