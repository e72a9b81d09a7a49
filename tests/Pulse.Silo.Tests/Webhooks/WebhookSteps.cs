using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Webhooks;

/// <summary>What the webhook tests do again and again: add a target, breach 坏账率, read deliveries.</summary>
public static class WebhookSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string NameOf(string employeeId) => DemoCompany.Document(10).Employees!.Single(e => e.Id == employeeId).Name;

    public static async Task<JsonNode> CreateAsync(TenantClient tenant, object target) =>
        await Expect.StatusAsync(await tenant.Admin.PostAsJsonAsync("/api/v1/webhooks", target, TenantClient.Json, Cancel), 201);

    /// <summary>300,000 lent and 20,000 defaulted: 坏账率 6.67%, above its 5% alert.</summary>
    public static async Task BreachBadDebtAsync(TenantClient tenant, string employeeId = "B002")
    {
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan(employeeId, 100_000), TestEvents.Loan(employeeId, 100_000), TestEvents.Loan(employeeId, 100_000)]), 200);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Default(employeeId, 20_000)]), 200);
    }

    public static async Task<JsonArray> DeliveriesAsync(TenantClient tenant, string webhookId) =>
        (await Expect.StatusAsync(await tenant.Admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries", Cancel), 200)).AsArray();

    public static async Task<JsonNode> ListAsync(TenantClient tenant) =>
        await Expect.StatusAsync(await tenant.Admin.GetAsync("/api/v1/webhooks", Cancel), 200);

    public static Task<IReadOnlyList<ReceivedHook>> ReceivedAsync(WebhookReceiver receiver, string path, int count) =>
        Expect.EventuallyAsync(() => Task.FromResult(receiver.Received(path)), r => r.Count >= count);

    public static string[] Statuses(JsonArray deliveries) => [.. deliveries.Select(d => d!["status"]!.GetValue<string>())];
}
