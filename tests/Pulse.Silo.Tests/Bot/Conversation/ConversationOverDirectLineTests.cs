using Pulse.Bot.Conversation.Replies;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Bot.DirectLine;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.Conversation;

/// <summary>The conversation end to end, as Web Chat has it: a signed-in employee asks over Direct Line and gets the API's numbers.</summary>
public sealed class ConversationOverDirectLineTests(AppFixture fixture)
{
    [Fact]
    public async Task An_employee_asks_for_progress_over_Direct_Line_and_gets_the_APIs_numbers_in_a_card_and_text()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 250_000), TestEvents.Complaint("B002")]), 200);
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");
        var api = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");
        var chat = await DirectLineChat.StartAsync(fixture.App, employee, "zh-CN");

        var id = await chat.PostAsync("我的进度", "client-progress");

        var transcript = await chat.TranscriptAsync(a => a.Any(x => x!["replyToId"]?.GetValue<string>() == id));
        var reply = transcript.Single(a => a!["replyToId"]?.GetValue<string>() == id)!;
        Assert.Equal("zh-CN", reply["locale"]!.GetValue<string>());
        Assert.Equal("plain", reply["textFormat"]!.GetValue<string>());
        var loan = BotChat.Indicator(api, "loan-volume");
        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("当前 " + Numbers.Number(loan["value"]!.GetValue<decimal>()), text, StringComparison.Ordinal);
        Assert.Contains("还差 " + Numbers.Number(loan["remaining"]!.GetValue<decimal>()), text, StringComparison.Ordinal);
        Assert.Contains("综合得分(目前):" + Numbers.Number(api["composite"]!.GetValue<decimal>()), text, StringComparison.Ordinal);
        var card = reply["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Contains(Numbers.Number(loan["value"]!.GetValue<decimal>()), card["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(reply["suggestedActions"]!["actions"]!.AsArray(), a => a!["value"]!.GetValue<string>() == "还差多少达标");
    }
}
