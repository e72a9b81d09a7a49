using System.Net.Http.Json;
using System.Text;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using static Pulse.Silo.Tests.Webhooks.WebhookSteps;

namespace Pulse.Silo.Tests.Webhooks;

/// <summary>The admin API: secrets shown once and stored encrypted, every bad input a problem naming its field, admins only.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhooksApiTests(WebhookAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_url_and_secret_are_shown_once_then_only_masked_and_never_stored_in_clear()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var token = "ding-token-" + Guid.NewGuid().ToString("N");
        var secret = "SEC" + Guid.NewGuid().ToString("N");
        var url = $"http://127.0.0.1:{fixture.Receiver.Port}/robot/send?access_token={token}";
        var name = "钉钉-" + Guid.NewGuid().ToString("N")[..8];

        var created = await CreateAsync(tenant, new { name, kind = "dingtalk", url, secret });

        Assert.Equal(url, created["url"]!.GetValue<string>());
        Assert.Equal(secret, created["secret"]!.GetValue<string>());
        var id = created["target"]!["id"]!.GetValue<string>();
        var list = (await ListAsync(tenant)).ToJsonString();
        var one = await Expect.StatusAsync(await tenant.Admin.GetAsync($"/api/v1/webhooks/{id}", Cancel), 200);
        foreach (var shown in new[] { list, one.ToJsonString() })
        {
            Assert.DoesNotContain(token, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }
        Assert.Equal($"http://127.0.0.1:{fixture.Receiver.Port}/…", one["maskedUrl"]!.GetValue<string>());
        Assert.True(one["hasSecret"]!.GetValue<bool>());

        // A change that leaves url and secret out keeps them.
        var renamed = await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { name = name + "-2", kind = "dingtalk" }, TenantClient.Json, Cancel), 200);
        Assert.True(renamed["hasSecret"]!.GetValue<bool>());
        Assert.Equal(one["maskedUrl"]!.GetValue<string>(), renamed["maskedUrl"]!.GetValue<string>());

        var stored = StoredState();
        Assert.Contains(name + "-2", stored, StringComparison.Ordinal); // the right state is being read
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        var audit = (await Expect.StatusAsync(await tenant.Admin.GetAsync("/api/v1/audit", Cancel), 200)).ToJsonString();
        Assert.Contains("webhook.create", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(token, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"slack","url":"https://hooks.example.com/a","secret":"s"}""", "secret", "only dingtalk and feishu")]
    [InlineData("""{"name":"x","kind":"slack","url":"http://hooks.example.com/a"}""", "url", "https")]
    [InlineData("""{"name":"x","kind":"slack","url":"ftp://127.0.0.1/a"}""", "url", "https")]
    [InlineData("""{"name":"x","kind":"slack","url":"/services/a"}""", "url", "absolute")]
    [InlineData("""{"name":"x","kind":"slack","url":"https://user:pw@hooks.example.com/a"}""", "url", "user name")]
    [InlineData("""{"name":"x","kind":"slack"}""", "url", "required")]
    [InlineData("""{"name":"x","kind":"whatsapp","url":"https://hooks.example.com/a"}""", "kind", "wecom, dingtalk, feishu, slack, teams")]
    [InlineData("""{"name":"","kind":"slack","url":"https://hooks.example.com/a"}""", "name", "required")]
    [InlineData("""{"name":"x","kind":"slack","url":"https://hooks.example.com/a","locale":"fr-FR"}""", "locale", "zh-CN")]
    [InlineData("""{"name":"x","kind":"slack","url":"https://hooks.example.com/a","filter":{"kinds":["crash"]}}""", "filter.kinds[0]", "breach, recovery")]
    [InlineData("""{"name":"x","kind":"slack","url":"https://hooks.example.com/a","filter":{"departmentIds":["nowhere"]}}""", "filter.departmentIds[0]", "not a department")]
    [InlineData("""{"name":"x","kind":"slack","url":"https://hooks.example.com/a","filter":{"indicatorIds":["luck"]}}""", "filter.indicatorIds[0]", "not an indicator")]
    public async Task A_bad_target_gets_a_problem_naming_the_field_and_nothing_is_stored(string body, string field, string reason)
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));

        var response = await tenant.Admin.PostAsync("/api/v1/webhooks", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        await Expect.ProblemAsync(response, 400, field, reason);
        Assert.Empty((await ListAsync(tenant))["targets"]!.AsArray());
    }

    [Fact]
    public async Task A_url_longer_than_its_bound_is_refused()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "x", kind = "wecom", url = "https://qyapi.weixin.qq.com/" + new string('a', 3_000) }, TenantClient.Json, Cancel);
        await Expect.ProblemAsync(response, 400, "url", "at most");
    }

    [Fact]
    public async Task A_tenant_has_at_most_twenty_targets()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        for (var i = 0; i < 20; i++) await CreateAsync(tenant, new { name = $"t{i}", kind = "slack", url = $"https://hooks.slack.com/services/{i}" });

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "one too many", kind = "slack", url = "https://hooks.slack.com/services/x" }, TenantClient.Json, Cancel);

        await Expect.ProblemAsync(response, 400, "webhooks", "at most 20");
        Assert.Equal(20, (await ListAsync(tenant))["targets"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_targets_are_not_found_and_a_deleted_target_is_gone()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var id = (await CreateAsync(tenant, new { name = "x", kind = "wecom", url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" }))["target"]!["id"]!.GetValue<string>();

        await Expect.StatusAsync(await tenant.Admin.DeleteAsync($"/api/v1/webhooks/{id}", Cancel), 204);

        await Expect.StatusAsync(await tenant.Admin.GetAsync($"/api/v1/webhooks/{id}", Cancel), 404);
        await Expect.StatusAsync(await tenant.Admin.GetAsync($"/api/v1/webhooks/{id}/deliveries", Cancel), 404);
        await Expect.StatusAsync(await tenant.Admin.PostAsync($"/api/v1/webhooks/{id}/test", null, Cancel), 404);
        await Expect.StatusAsync(await tenant.Admin.DeleteAsync($"/api/v1/webhooks/{id}", Cancel), 404);
        Assert.Empty((await ListAsync(tenant))["targets"]!.AsArray());
    }

    [Fact]
    public async Task Only_an_admin_manages_webhooks_not_hr_a_manager_or_an_employee()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var id = (await CreateAsync(tenant, new { name = "x", kind = "slack", url = "https://hooks.slack.com/services/a" }))["target"]!["id"]!.GetValue<string>();
        var others = new[]
        {
            tenant.Http,
            await tenant.UserAsync("boss", [Role.Manager, Role.Employee], "B001"),
            await tenant.UserAsync("staff", [Role.Employee], "B002"),
        };

        foreach (var http in others)
        {
            Assert.Equal(403, (int)(await http.GetAsync("/api/v1/webhooks", Cancel)).StatusCode);
            Assert.Equal(403, (int)(await http.PostAsJsonAsync("/api/v1/webhooks", new { name = "mine", kind = "slack", url = "https://hooks.slack.com/services/b" }, TenantClient.Json, Cancel)).StatusCode);
            Assert.Equal(403, (int)(await http.GetAsync($"/api/v1/webhooks/{id}/deliveries", Cancel)).StatusCode);
            Assert.Equal(403, (int)(await http.DeleteAsync($"/api/v1/webhooks/{id}", Cancel)).StatusCode);
        }
        Assert.Single((await ListAsync(tenant))["targets"]!.AsArray());
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
