using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains;
using Pulse.Reviews;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// One tenant of the seed company with a review open for some of its people, and the calls the cycle makes on a review
/// (start, freeze, grade, publish) made directly on the review grains, so the ratings are tested on their own.
/// </summary>
public sealed class RatingsTenant(PulseApp app, TenantClient tenant, string period)
{
    public const string PastPeriod = "2024-11";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public TenantClient Tenant { get; } = tenant;

    public string Period { get; } = period;

    public static async Task<RatingsTenant> CreateAsync(PulseApp app, string period = PastPeriod, params string[] employees)
    {
        var ratings = new RatingsTenant(app, await TenantClient.CreateAsync(app, DemoCompany.Document(10)), period);
        foreach (var id in employees.Length == 0 ? ["B002", "B003", "O002"] : employees) await ratings.StartAsync(id);
        return ratings;
    }

    public IEmployeeReviewGrain Review(string employeeId) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IEmployeeReviewGrain>(GrainKeys.For(Tenant.TenantId, $"{Period}/{employeeId}"));

    /// <summary>What the cycle does when it opens: the seed's business and operations templates each have one rated indicator, attitude.</summary>
    public Task<EmployeeReview> StartAsync(string employeeId) =>
        Review(employeeId).StartAsync($"员工{employeeId}", employeeId[0] == 'B' ? DemoCompany.Business : DemoCompany.Operations, employeeId[0] == 'B' ? "business" : "operations", ["attitude"]);

    public Task<EmployeeReview> GradeAsync(string employeeId, string grade = "A") => Review(employeeId).GradeAsync(grade, grade, null);

    public Task<EmployeeReview> PublishAsync(string employeeId) =>
        Review(employeeId).PublishAsync(new PayLine(Period, employeeId, $"员工{employeeId}", DemoCompany.Business, "A", 84.2m, 8_000m, 1.2m, 9_600m, "CNY"));

    /// <summary>B001 manages 业务部; each call makes an account of its own name (the first is b001).</summary>
    public Task<HttpClient> ManagerAsync(string userName = "b001") => Tenant.UserAsync(userName, [Role.Manager, Role.Employee], "B001");

    public Task<HttpClient> EmployeeAsync(string employeeId) => Tenant.UserAsync(employeeId.ToLowerInvariant(), [Role.Employee], employeeId);

    public string Path(string employeeId, string? what = null) => $"/api/v1/cycles/{Period}/employees/{employeeId}{(what is null ? "" : "/" + what)}";

    public Task<HttpResponseMessage> RateAsync(HttpClient http, string employeeId, object ratings) =>
        http.PutAsJsonAsync(Path(employeeId, "ratings"), ratings, TenantClient.Json, Cancel);

    public Task<HttpResponseMessage> SelfAssessAsync(HttpClient http, string employeeId, object assessment) =>
        http.PutAsJsonAsync(Path(employeeId, "self-assessment"), assessment, TenantClient.Json, Cancel);

    public Task<HttpResponseMessage> RespondAsync(HttpClient http, string employeeId, object response) =>
        http.PostAsJsonAsync(Path(employeeId, "response"), response, TenantClient.Json, Cancel);

    public async Task<JsonNode> GetAsync(HttpClient http, string employeeId) => await Expect.StatusAsync(await http.GetAsync(Path(employeeId), Cancel), 200);

    public async Task<JsonArray> AuditAsync(string action) =>
        (await Expect.StatusAsync(await Tenant.Http.GetAsync($"/api/v1/audit?action={action}", Cancel), 200)).AsArray();
}
