using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

public sealed class FeedbackApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> GiveAsync(HttpClient http, string employeeId, object body) =>
        http.PostAsJsonAsync($"/api/v1/employees/{employeeId}/feedback", body, TenantClient.Json, Cancel);

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient http, string employeeId, long id, object body) =>
        http.PostAsJsonAsync($"/api/v1/employees/{employeeId}/feedback/{id}/reply", body, TenantClient.Json, Cancel);

    private static async Task<JsonNode> GetAsync(HttpClient http, string path) => await Expect.StatusAsync(await http.GetAsync(path, Cancel), 200);

    [Fact]
    public async Task A_manager_gives_praise_the_employee_reads_it_and_it_is_audited()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var manager = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001");
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");

        var given = await Expect.StatusAsync(await GiveAsync(manager, "B002", new { text = "本月放款做得很好", kind = "praise", indicatorId = "loan-volume" }), 201);

        Assert.Equal("biz-manager", given["author"]!.GetValue<string>());
        Assert.Equal("praise", given["kind"]!.GetValue<string>());
        var page = await GetAsync(employee, "/api/v1/employees/B002/feedback");
        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("本月放款做得很好", item["text"]!.GetValue<string>());
        Assert.Equal("loan-volume", item["indicatorId"]!.GetValue<string>());
        Assert.Null(item["reply"]);
        Assert.Null(page["nextCursor"]);
        Assert.Single((await GetAsync(tenant.Http, "/api/v1/employees/B002/feedback"))["items"]!.AsArray());

        var audit = (await GetAsync(tenant.Http, "/api/v1/audit?action=feedback.create")).AsArray();
        var entry = Assert.Single(audit)!;
        Assert.Equal("biz-manager", entry["entry"]!["actor"]!.GetValue<string>());
        Assert.Equal($"B002/feedback/{given["id"]!.GetValue<long>()}", entry["entry"]!["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_HR_and_the_employees_managers_give_and_only_they_and_the_employee_read()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b003", [Role.Employee], "B003");
        var otherManager = await tenant.UserAsync("ops-manager", [Role.Manager, Role.Employee], "O001");
        var manager = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001");
        var note = new { text = "请注意坏账", kind = "improve" };

        await Expect.StatusAsync(await GiveAsync(employee, "B002", note), 403);
        await Expect.StatusAsync(await GiveAsync(employee, "B003", note), 403);
        await Expect.StatusAsync(await GiveAsync(otherManager, "B002", note), 403);
        await Expect.StatusAsync(await GiveAsync(manager, "B001", note), 403);
        await Expect.StatusAsync(await employee.GetAsync("/api/v1/employees/B002/feedback", Cancel), 403);
        await Expect.StatusAsync(await otherManager.GetAsync("/api/v1/employees/B002/feedback", Cancel), 403);
        await Expect.StatusAsync(await GiveAsync(tenant.Http, "B002", note), 201);

        Assert.Single((await GetAsync(manager, "/api/v1/employees/B002/feedback"))["items"]!.AsArray());
        // The refused attempts left neither an item nor an audit entry.
        Assert.Single((await GetAsync(tenant.Http, "/api/v1/audit?action=feedback.create")).AsArray());
    }

    [Fact]
    public async Task Pages_walk_every_item_once_newest_first()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        for (var i = 0; i < 7; i++)
        {
            await Expect.StatusAsync(await GiveAsync(tenant.Http, "B002", new { text = $"note {i}", kind = "note" }), 201);
        }

        var texts = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(tenant.Http, "/api/v1/employees/B002/feedback?limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            texts.AddRange(page["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"note {i}"), texts);
        Assert.Empty((await GetAsync(tenant.Http, "/api/v1/employees/B003/feedback"))["items"]!.AsArray());
    }

    [Fact]
    public async Task The_employee_replies_once_then_409_and_nobody_else_replies()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");
        var manager = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001");
        var id = (await Expect.StatusAsync(await GiveAsync(manager, "B002", new { text = "坏账偏高", kind = "improve" }), 201))["id"]!.GetValue<long>();

        await Expect.StatusAsync(await ReplyAsync(manager, "B002", id, new { kind = "acknowledge" }), 403);
        await Expect.StatusAsync(await ReplyAsync(tenant.Http, "B002", id, new { kind = "acknowledge" }), 403);
        await Expect.ProblemAsync(await ReplyAsync(employee, "B002", id, new { }), 400, "kind");
        await Expect.StatusAsync(await ReplyAsync(employee, "B002", id + 1000, new { kind = "object" }), 404);
        var replied = await Expect.StatusAsync(await ReplyAsync(employee, "B002", id, new { kind = "object", text = "客户延期是因为疫情" }), 200);
        var again = await ReplyAsync(employee, "B002", id, new { kind = "acknowledge" });

        Assert.Equal("object", replied["reply"]!["kind"]!.GetValue<string>());
        await Expect.StatusAsync(again, 409);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var stored = Assert.Single((await GetAsync(manager, "/api/v1/employees/B002/feedback"))["items"]!.AsArray())!;
        Assert.Equal("object", stored["reply"]!["kind"]!.GetValue<string>());
        Assert.Equal("客户延期是因为疫情", stored["reply"]!["text"]!.GetValue<string>());
        Assert.Single((await GetAsync(tenant.Http, "/api/v1/audit?action=feedback.reply")).AsArray());
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_stores_nothing()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));

        await Expect.ProblemAsync(await GiveAsync(tenant.Http, "B002", new { text = "", kind = "praise" }), 400, "text");
        await Expect.ProblemAsync(await GiveAsync(tenant.Http, "B002", new { text = new string('好', 2_001), kind = "praise" }), 400, "text", "2000");
        await Expect.ProblemAsync(await GiveAsync(tenant.Http, "B002", new { text = "ok" }), 400, "kind");
        await Expect.ProblemAsync(await GiveAsync(tenant.Http, "B002", new { text = "ok", kind = "note", indicatorId = "no-such" }), 400, "indicatorId");
        var badKind = await GiveAsync(tenant.Http, "B002", new { text = "ok", kind = "scold" });
        await Expect.StatusAsync(badKind, 400);
        Assert.Equal("application/problem+json", badKind.Content.Headers.ContentType?.MediaType);
        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/employees/B002/feedback?limit=0", Cancel), 400, "limit");
        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/employees/B002/feedback?cursor=abc", Cancel), 400, "cursor");
        await Expect.StatusAsync(await GiveAsync(tenant.Http, "NOBODY", new { text = "ok", kind = "note" }), 404);

        Assert.Empty((await GetAsync(tenant.Http, "/api/v1/employees/B002/feedback"))["items"]!.AsArray());
        Assert.Empty((await GetAsync(tenant.Http, "/api/v1/audit?action=feedback.create")).AsArray());
    }
}
