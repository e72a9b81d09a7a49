using System.Text.Json.Nodes;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

public sealed class ApiDocumentTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_describes_every_api_route()
    {
        var http = fixture.App.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", Cancel))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToArray();

        Assert.Contains("/api/v1/events", paths);
        Assert.Contains("/api/v1/employees/{employeeId}/performance", paths);
        Assert.Contains("/api/v1/templates/what-if", paths);
        Assert.Contains("/api/v1/overview", paths);
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["apiKey"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_period_of_a_department_and_of_the_overview_is_documented()
    {
        var http = fixture.App.CreateClient();
        var paths = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", Cancel))!["paths"]!;

        foreach (var path in new[] { "/api/v1/departments/{departmentId}/performance", "/api/v1/overview", "/api/v1/employees/{employeeId}/performance" })
        {
            var parameters = paths[path]!["get"]!["parameters"]!.AsArray();
            Assert.Contains(parameters, p => p!["name"]!.GetValue<string>() == "period" && p["in"]!.GetValue<string>() == "query");
        }
    }

    [Fact]
    public async Task The_reference_page_loads_its_document_from_where_it_is_served()
    {
        var http = fixture.App.CreateClient();
        var page = await http.GetStringAsync("/api/", Cancel);
        var source = System.Text.RegularExpressions.Regex.Match(page, "\"url\":\"([^\"]+)\"").Groups[1].Value;

        // The page asks for it from the site's root (as a browser showed: see the browser test).
        var document = await http.GetAsync(new Uri(new Uri("http://localhost/"), source), Cancel);

        await Expect.StatusAsync(document, 200);
    }
}
