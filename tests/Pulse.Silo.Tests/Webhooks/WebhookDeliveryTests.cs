using System.Text.Json.Nodes;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using static Pulse.Silo.Tests.Webhooks.WebhookSteps;

namespace Pulse.Silo.Tests.Webhooks;

/// <summary>Alerts reach chat tools in each vendor's format, signed where the vendor signs, retried when worth it, and only where the filter says.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookAppFixture fixture)
{
    private WebhookReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task A_bad_debt_breach_in_the_demo_company_reaches_every_kind_of_chat_tool_in_its_own_format()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var wecom = Receiver.NewUrl(out var wecomPath, "?key=wecom-key");
        var dingtalk = Receiver.NewUrl(out var dingtalkPath, "?access_token=ding-token");
        var feishu = Receiver.NewUrl(out var feishuPath);
        var slack = Receiver.NewUrl(out var slackPath);
        var teams = Receiver.NewUrl(out var teamsPath);
        Receiver.ExpectDingTalkSecret(dingtalkPath, "SECding-signing-secret");
        Receiver.ExpectFeishuSecret(feishuPath, "feishu-signing-secret");
        await CreateAsync(tenant, new { name = "企业微信群", kind = "wecom", url = wecom });
        await CreateAsync(tenant, new { name = "钉钉群", kind = "dingtalk", url = dingtalk, secret = "SECding-signing-secret" });
        await CreateAsync(tenant, new { name = "飞书群", kind = "feishu", url = feishu, secret = "feishu-signing-secret" });
        await CreateAsync(tenant, new { name = "Slack", kind = "slack", url = slack, locale = "en-US" });
        await CreateAsync(tenant, new { name = "Teams", kind = "teams", url = teams, locale = "en-US" });

        await BreachBadDebtAsync(tenant);

        var name = NameOf("B002");
        var wecomBody = (await ReceivedAsync(Receiver, wecomPath, 1)).Single().Body;
        Assert.Equal("markdown", wecomBody["msgtype"]!.GetValue<string>());
        AssertChinese(wecomBody["markdown"]!["content"]!.GetValue<string>(), name);

        var ding = (await ReceivedAsync(Receiver, dingtalkPath, 1)).Single();
        Assert.True(ding.SignatureValid, "the DingTalk signature must check out");
        Assert.Equal("ding-token", ding.Query["access_token"]);
        Assert.Equal("markdown", ding.Body["msgtype"]!.GetValue<string>());
        Assert.Contains("坏账率", ding.Body["markdown"]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertChinese(ding.Body["markdown"]!["text"]!.GetValue<string>(), name);

        var fei = (await ReceivedAsync(Receiver, feishuPath, 1)).Single();
        Assert.True(fei.SignatureValid, "the Feishu signature must check out");
        Assert.Equal("text", fei.Body["msg_type"]!.GetValue<string>());
        AssertChinese(fei.Body["content"]!["text"]!.GetValue<string>(), name);

        var slackText = (await ReceivedAsync(Receiver, slackPath, 1)).Single().Body["text"]!.GetValue<string>();
        AssertEnglish(slackText, name);

        var teamsBody = (await ReceivedAsync(Receiver, teamsPath, 1)).Single().Body;
        Assert.Equal("message", teamsBody["type"]!.GetValue<string>());
        var attachment = teamsBody["attachments"]!.AsArray().Single()!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Equal("1.4", attachment["content"]!["version"]!.GetValue<string>());
        AssertEnglish(string.Join("\n", attachment["content"]!["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>())), name);

        await Expect.EventuallyAsync(() => ListAsync(tenant),
            l => l["targets"]!.AsArray().All(t => t!["lastDelivery"]?["status"]?.GetValue<string>() == "delivered"));
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_alert_on_the_third_attempt()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var url = Receiver.NewUrl(out var path);
        Receiver.Script(path, n => n switch { 1 => (503, "{}"), 2 => (429, "{}"), _ => (200, "ok") });
        var id = (await CreateAsync(tenant, new { name = "flaky", kind = "slack", url }))["target"]!["id"]!.GetValue<string>();

        await BreachBadDebtAsync(tenant);

        await ReceivedAsync(Receiver, path, 3);
        var deliveries = await Expect.EventuallyAsync(() => DeliveriesAsync(tenant, id), d => d.Count >= 3);
        Assert.Equal(["delivered", "retrying", "retrying"], Statuses(deliveries));
        Assert.Equal([3, 2, 1], deliveries.Select(d => d!["attempts"]!.GetValue<int>()));
        Assert.Equal([200, 429, 503], deliveries.Select(d => d!["httpStatus"]!.GetValue<int>()));
        Assert.Equal("B002", deliveries[0]!["employeeId"]!.GetValue<string>());
        Assert.Equal("bad-debt-rate", deliveries[0]!["indicatorId"]!.GetValue<string>());
        Assert.Equal(0, (await ListAsync(tenant))["pending"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_admins_see_it_failed()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var url = Receiver.NewUrl(out var path);
        Receiver.Script(path, _ => (404, """{"error":"no such hook"}"""));
        var id = (await CreateAsync(tenant, new { name = "gone", kind = "teams", url }))["target"]!["id"]!.GetValue<string>();

        await BreachBadDebtAsync(tenant);

        var deliveries = await Expect.EventuallyAsync(() => DeliveriesAsync(tenant, id), d => d.Count >= 1);
        var failed = Assert.Single(deliveries)!;
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Equal(404, failed["httpStatus"]!.GetValue<int>());
        Assert.Equal(1, failed["attempts"]!.GetValue<int>());
        Assert.Contains("404", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("no such hook", deliveries.ToJsonString(), StringComparison.Ordinal);
        // Nothing waits for another attempt.
        var list = await ListAsync(tenant);
        Assert.Equal(0, list["pending"]!.GetValue<int>());
        Assert.Equal("failed", list["targets"]![0]!["lastDelivery"]!["status"]!.GetValue<string>());
        Assert.Single(Receiver.Received(path));
    }

    [Fact]
    public async Task A_dingtalk_answer_200_with_an_error_code_is_a_failure()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var url = Receiver.NewUrl(out var path, "?access_token=t");
        Receiver.ExpectDingTalkSecret(path, "the-right-secret");
        var id = (await CreateAsync(tenant, new { name = "钉钉", kind = "dingtalk", url, secret = "a-wrong-secret" }))["target"]!["id"]!.GetValue<string>();

        var test = await Expect.StatusAsync(await tenant.Admin.PostAsync($"/api/v1/webhooks/{id}/test", null, TestContext.Current.CancellationToken), 200);

        Assert.Equal("failed", test["status"]!.GetValue<string>());
        Assert.Equal(200, test["httpStatus"]!.GetValue<int>());
        Assert.Equal("error code 310000", test["error"]!.GetValue<string>());
        Assert.False(Assert.Single(Receiver.Received(path)).SignatureValid);
        Assert.True(Assert.Single(await DeliveriesAsync(tenant, id))!["test"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_test_message_reaches_the_target_in_its_language_and_is_recorded()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var url = Receiver.NewUrl(out var path);
        Receiver.ExpectFeishuSecret(path, "飞书-secret");
        var id = (await CreateAsync(tenant, new { name = "飞书", kind = "feishu", url, secret = "飞书-secret" }))["target"]!["id"]!.GetValue<string>();

        var test = await Expect.StatusAsync(await tenant.Admin.PostAsync($"/api/v1/webhooks/{id}/test", null, TestContext.Current.CancellationToken), 200);

        Assert.Equal("delivered", test["status"]!.GetValue<string>());
        var received = Assert.Single(Receiver.Received(path));
        Assert.True(received.SignatureValid);
        Assert.Contains("测试", received.Body["content"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("delivered", Assert.Single(await DeliveriesAsync(tenant, id))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_alert_goes_only_to_the_targets_whose_filter_it_matches()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var targets = new Dictionary<string, (string Path, object Filter)>();
        void Target(string name, object filter)
        {
            Receiver.NewUrl(out var path);
            targets[name] = (path, filter);
        }
        Target("业务部", new { departmentIds = new[] { DemoCompany.Business } });
        Target("总部 (an ancestor)", new { departmentIds = new[] { "hq" } });
        Target("坏账率 breaches", new { indicatorIds = new[] { "bad-debt-rate" }, kinds = new[] { "breach" } });
        Target("运营部", new { departmentIds = new[] { DemoCompany.Operations } });
        Target("recoveries only", new { kinds = new[] { "recovery" } });
        Target("客户投诉率", new { indicatorIds = new[] { "complaint-rate" } });
        var ids = new Dictionary<string, string>();
        foreach (var (name, (path, filter)) in targets)
        {
            var created = await CreateAsync(tenant, new { name, kind = "slack", url = $"http://127.0.0.1:{Receiver.Port}/{path}", filter });
            ids[name] = created["target"]!["id"]!.GetValue<string>();
        }

        await BreachBadDebtAsync(tenant);

        foreach (var name in new[] { "业务部", "总部 (an ancestor)", "坏账率 breaches" }) await ReceivedAsync(Receiver, targets[name].Path, 1);
        // Every matching delivery was queued by the same offer; with the outbox empty, nothing else is coming.
        await Expect.EventuallyAsync(() => ListAsync(tenant), l => l["pending"]!.GetValue<int>() == 0);
        foreach (var name in new[] { "运营部", "recoveries only", "客户投诉率" })
        {
            Assert.Empty(Receiver.Received(targets[name].Path));
            Assert.Empty(await DeliveriesAsync(tenant, ids[name]));
        }
    }

    private static void AssertChinese(string text, string employeeName)
    {
        Assert.Contains("坏账率", text, StringComparison.Ordinal);
        Assert.Contains(employeeName, text, StringComparison.Ordinal);
        Assert.Contains("B002", text, StringComparison.Ordinal);
        Assert.Contains("6.67%", text, StringComparison.Ordinal);
        Assert.Contains("5%", text, StringComparison.Ordinal);
        Assert.Contains("预警", text, StringComparison.Ordinal);
    }

    private static void AssertEnglish(string text, string employeeName)
    {
        Assert.Contains("Bad-debt rate", text, StringComparison.Ordinal);
        Assert.Contains(employeeName, text, StringComparison.Ordinal);
        Assert.Contains("6.67%", text, StringComparison.Ordinal);
        Assert.Contains("above the threshold of 5%", text, StringComparison.Ordinal);
    }
}
