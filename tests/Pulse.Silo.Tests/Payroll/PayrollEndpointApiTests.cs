using System.Net.Http.Json;
using System.Text;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using static Pulse.Silo.Tests.Payroll.PayrollSteps;

namespace Pulse.Silo.Tests.Payroll;

/// <summary>The payroll endpoint: https only, the secret write-only and encrypted at rest, every change audited, bad input named, HR only.</summary>
[Collection(PayrollCollection.Name)]
public sealed class PayrollEndpointApiTests(PayrollAppFixture fixture, AppFixture shared)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secret_is_never_returned_and_is_stored_only_encrypted()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var token = "payroll-token-" + Guid.NewGuid().ToString("N");
        var secret = "sign-" + Guid.NewGuid().ToString("N");
        var url = $"http://127.0.0.1:{fixture.Receiver.Port}/import/{token}";

        var set = await SetEndpointAsync(tenant, url, secret);
        var read = await Expect.StatusAsync(await tenant.Http.GetAsync("/api/v1/payroll-endpoint", Cancel), 200);

        foreach (var shown in new[] { set, read })
        {
            Assert.True(shown["configured"]!.GetValue<bool>());
            Assert.True(shown["hasSecret"]!.GetValue<bool>());
            Assert.Equal($"http://127.0.0.1:{fixture.Receiver.Port}/…", shown["maskedUrl"]!.GetValue<string>());
            Assert.Equal("hr", shown["updatedBy"]!.GetValue<string>());
            Assert.DoesNotContain(secret, shown.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(token, shown.ToJsonString(), StringComparison.Ordinal);
        }

        // Leaving the secret out keeps it.
        var moved = await SetEndpointAsync(tenant, $"https://payroll.example.com/in/{token}", null);
        Assert.True(moved["hasSecret"]!.GetValue<bool>());
        Assert.Equal("https://payroll.example.com/…", moved["maskedUrl"]!.GetValue<string>());

        var stored = StoredState();
        Assert.Contains("https://payroll.example.com/…", stored, StringComparison.Ordinal); // the right state is being read
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        var audit = (await Expect.StatusAsync(await tenant.Http.GetAsync("/api/v1/audit", Cancel), 200)).ToJsonString();
        Assert.Contains("payroll-endpoint.update", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(token, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_without_an_endpoint_reads_as_not_configured()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var read = await Expect.StatusAsync(await tenant.Http.GetAsync("/api/v1/payroll-endpoint", Cancel), 200);
        Assert.False(read["configured"]!.GetValue<bool>());
        Assert.False(read["hasSecret"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"url":"http://payroll.example.com/in","secret":"0123456789abcdef"}""", "url", "https")]
    [InlineData("""{"url":"ftp://127.0.0.1/in","secret":"0123456789abcdef"}""", "url", "https")]
    [InlineData("""{"url":"/in","secret":"0123456789abcdef"}""", "url", "absolute")]
    [InlineData("""{"url":"https://user:pw@payroll.example.com/in","secret":"0123456789abcdef"}""", "url", "user name")]
    [InlineData("""{"url":"https://payroll.example.com/in#x","secret":"0123456789abcdef"}""", "url", "fragment")]
    [InlineData("""{"url":null,"secret":"0123456789abcdef"}""", "url", "required")]
    [InlineData("""{"url":"https://payroll.example.com/in"}""", "secret", "required")]
    [InlineData("""{"url":"https://payroll.example.com/in","secret":"short"}""", "secret", "16 to 256")]
    [InlineData("""{"url":"https://payroll.example.com/in","secret":"0123456789abcdef","extra":1}""", "$.extra", "could not be mapped")]
    public async Task A_bad_endpoint_gets_a_problem_naming_the_field_and_nothing_is_stored(string body, string field, string reason)
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);

        var response = await tenant.Http.PutAsync("/api/v1/payroll-endpoint", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        await Expect.ProblemAsync(response, 400, field, reason);
        var read = await Expect.StatusAsync(await tenant.Http.GetAsync("/api/v1/payroll-endpoint", Cancel), 200);
        Assert.False(read["configured"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Plain_http_to_loopback_is_refused_where_the_silo_does_not_allow_it()
    {
        // The run's shared app does not set Pulse:Payroll:AllowInsecureLoopback.
        var tenant = await TenantClient.CreateAsync(shared.App);

        var response = await tenant.Http.PutAsJsonAsync("/api/v1/payroll-endpoint", new { url = "http://127.0.0.1:9/in", secret = "0123456789abcdef" }, TenantClient.Json, Cancel);

        await Expect.ProblemAsync(response, 400, "url", "https");
    }

    [Fact]
    public async Task Only_hr_configures_the_endpoint_or_exports_pay_not_an_admin_a_manager_or_an_employee()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var others = new[]
        {
            tenant.Admin,
            await tenant.UserAsync("boss", [Role.Manager, Role.Employee], "B001"),
            await tenant.UserAsync("staff", [Role.Employee], "B002"),
        };

        foreach (var http in others)
        {
            Assert.Equal(403, (int)(await http.GetAsync("/api/v1/payroll-endpoint", Cancel)).StatusCode);
            Assert.Equal(403, (int)(await http.PutAsJsonAsync("/api/v1/payroll-endpoint", new { url = "https://evil.example.com/in", secret = "0123456789abcdef" }, TenantClient.Json, Cancel)).StatusCode);
            foreach (var format in new[] { "", "?format=csv", "?format=xlsx" })
            {
                Assert.Equal(403, (int)(await http.GetAsync($"/api/v1/cycles/{Period}/pay{format}", Cancel)).StatusCode);
            }
        }
        var read = await Expect.StatusAsync(await tenant.Http.GetAsync("/api/v1/payroll-endpoint", Cancel), 200);
        Assert.False(read["configured"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("2025-3", "", "period", "yyyy-MM")]
    [InlineData("2025-13", "", "period", "yyyy-MM")]
    [InlineData("2025-03", "?format=pdf", "format", "csv or xlsx")]
    public async Task A_bad_period_or_format_is_a_problem_naming_it(string period, string query, string field, string reason)
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        await Expect.ProblemAsync(await tenant.Http.GetAsync($"/api/v1/cycles/{period}/pay{query}", Cancel), 400, field, reason);
    }

    /// <summary>Every stored grain state as text (SQLite may still hold the newest pages in its WAL file).</summary>
    private string StoredState()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(fixture.App.DataDirectory, "organisation.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            text.Append(Encoding.UTF8.GetString(memory.ToArray()));
        }
        return text.ToString();
    }
}
