using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>
/// Invariant 5 as a table: every endpoint the app serves, taken from its own endpoint data source, against every
/// kind of caller. An endpoint added without a rule here fails the test, and so does one without authorisation.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture fixture)
{
    public enum Who { Anonymous, Employee, OtherDepartmentManager, Manager, Hr, Admin, IntegrationKey, RevokedKey, OtherTenantHr }

    private static readonly Who[] Users = [Who.Employee, Who.OtherDepartmentManager, Who.Manager, Who.Hr, Who.Admin, Who.OtherTenantHr];
    private static readonly Who[] HrOnly = [Who.Hr, Who.OtherTenantHr];
    private static readonly Who[] HrAndAdmin = [Who.Hr, Who.Admin, Who.OtherTenantHr];
    private static readonly Who[] AdminOnly = [Who.Admin];
    private static readonly Who[] TeamReaders = [Who.Manager, Who.Hr, Who.OtherTenantHr];

    /// <summary>Who may use each endpoint. HR of another tenant acts in their own tenant, so they are 'allowed' where HR is, and the test checks they never see this tenant's data.</summary>
    private static readonly Dictionary<string, Who[]> Allowed = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/auth/me"] = Users,
        ["POST /api/v1/auth/sign-out"] = Users,
        ["POST /api/v1/auth/password"] = Users,
        ["POST /api/v1/tenants/"] = [],
        ["GET /api/v1/tenant/"] = Users,
        ["PUT /api/v1/tenant/"] = AdminOnly,
        ["GET /api/v1/organisation/"] = HrAndAdmin,
        ["PUT /api/v1/organisation/"] = HrOnly,
        ["GET /api/v1/event-types/"] = HrAndAdmin,
        ["PUT /api/v1/event-types/{type}"] = HrOnly,
        ["GET /api/v1/departments/"] = HrAndAdmin,
        ["GET /api/v1/departments/{departmentId}"] = HrAndAdmin,
        ["PUT /api/v1/departments/{departmentId}"] = HrOnly,
        ["GET /api/v1/employees/"] = HrAndAdmin,
        ["GET /api/v1/employees/{employeeId}"] = HrAndAdmin,
        ["PUT /api/v1/employees/{employeeId}"] = HrOnly,
        ["POST /api/v1/employees/import"] = HrOnly,
        ["GET /api/v1/templates/"] = HrAndAdmin,
        ["GET /api/v1/templates/{templateId}/versions"] = HrAndAdmin,
        ["PUT /api/v1/templates/{templateId}"] = HrOnly,
        ["POST /api/v1/templates/validate"] = HrOnly,
        ["POST /api/v1/templates/what-if"] = HrOnly,
        ["POST /api/v1/events/"] = [Who.IntegrationKey],
        ["GET /api/v1/employees/{employeeId}/performance"] = TeamReaders,
        ["GET /api/v1/employees/{employeeId}/alerts"] = TeamReaders,
        ["GET /api/v1/departments/{departmentId}/performance"] = TeamReaders,
        ["GET /api/v1/departments/{departmentId}/team"] = TeamReaders,
        ["GET /api/v1/employees/{employeeId}/feedback"] = TeamReaders,
        ["POST /api/v1/employees/{employeeId}/feedback"] = TeamReaders,
        ["POST /api/v1/employees/{employeeId}/feedback/{feedbackId:long}/reply"] = [], // only the employee themself, not among the callers
        ["GET /api/v1/cycles/{period}/employees/{employeeId}"] = TeamReaders,
        ["PUT /api/v1/cycles/{period}/employees/{employeeId}/ratings"] = [Who.Manager], // a manager rates B002; HR only rates those nobody is above (RatingsApiTests)
        ["PUT /api/v1/cycles/{period}/employees/{employeeId}/self-assessment"] = [], // only the employee themself, not among the callers
        ["POST /api/v1/cycles/{period}/employees/{employeeId}/response"] = [], // only the employee themself, not among the callers
        ["GET /api/v1/cycles/{period}/objections"] = HrOnly,
        ["GET /api/v1/overview"] = HrOnly,
        ["GET /api/v1/users/"] = AdminOnly,
        ["POST /api/v1/users/"] = AdminOnly,
        ["PUT /api/v1/users/{userName}"] = AdminOnly,
        ["POST /api/v1/users/{userName}/password"] = AdminOnly,
        ["GET /api/v1/api-keys/"] = AdminOnly,
        ["POST /api/v1/api-keys/"] = AdminOnly,
        ["DELETE /api/v1/api-keys/{keyId}"] = AdminOnly,
        ["GET /api/v1/audit/"] = HrAndAdmin,
        ["GET /api/v1/audit/export"] = HrAndAdmin,
        ["GET /api/v1/webhooks/"] = AdminOnly,
        ["POST /api/v1/webhooks/"] = AdminOnly,
        ["GET /api/v1/webhooks/{webhookId}"] = AdminOnly,
        ["PUT /api/v1/webhooks/{webhookId}"] = AdminOnly,
        ["DELETE /api/v1/webhooks/{webhookId}"] = AdminOnly,
        ["POST /api/v1/webhooks/{webhookId}/test"] = AdminOnly,
        ["GET /api/v1/webhooks/{webhookId}/deliveries"] = AdminOnly,
        ["GET /api/v1/reports/departments/{departmentId}/trend"] = TeamReaders,
        ["GET /api/v1/reports/distribution"] = HrOnly,
        ["GET /api/v1/reports/employees/{employeeId}/improvement"] = TeamReaders,
        ["GET /api/v1/reports/payroll"] = HrOnly,
        ["POST /api/v1/reviews/import"] = HrOnly,
        ["GET /api/v1/cycles/{period}/"] = [Who.Manager, Who.OtherDepartmentManager, Who.Hr, Who.OtherTenantHr],
        ["GET /api/v1/cycles/{period}/calibration"] = HrOnly,
        ["PUT /api/v1/cycles/{period}/grades/{employeeId}"] = HrOnly,
        ["POST /api/v1/cycles/{period}/open"] = HrOnly,
        ["POST /api/v1/cycles/{period}/approve"] = HrOnly,
        ["POST /api/v1/cycles/{period}/reopen"] = HrOnly,
        ["GET /api/v1/cycles/{period}/adjustments"] = HrOnly,
        ["GET /api/v1/review-policy/"] = [Who.Manager, Who.OtherDepartmentManager, Who.Hr, Who.OtherTenantHr],
        ["PUT /api/v1/review-policy/"] = HrOnly,
        ["GET /api/v1/cycles/{period}/pay"] = HrOnly,
        ["GET /api/v1/payroll-endpoint/"] = HrOnly,
        ["PUT /api/v1/payroll-endpoint/"] = HrOnly,
    };

    /// <summary>The only endpoints anyone may call without a credential.</summary>
    private static readonly string[] Public = ["POST /api/v1/auth/sign-in", "GET /api/v1/auth/antiforgery", "GET /api/v1/auth/sso", "POST /api/v1/auth/refresh"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_endpoint_has_a_rule_and_an_authorisation_requirement()
    {
        foreach (var (key, endpoint) in ApiEndpoints())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Assert.True(Public.Contains(key), $"{key} allows anonymous callers but is not in the public list");
                continue;
            }
            Assert.True(Allowed.ContainsKey(key), $"{key} has no row in the authorisation matrix");
            Assert.NotEmpty(endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        }
        Assert.Empty(Allowed.Keys.Except(ApiEndpoints().Select(e => e.Key)));
    }

    [Fact]
    public async Task Every_caller_gets_exactly_what_the_matrix_allows_and_nothing_of_another_tenant()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var other = await TenantClient.CreateAsync(fixture.App, OtherCompany());
        var revoked = await RevokedKeyAsync(tenant);
        var callers = new Dictionary<Who, HttpClient>
        {
            [Who.Anonymous] = fixture.App.CreateClient(),
            [Who.Employee] = await tenant.UserAsync("emp", [Role.Employee], "B003"),
            [Who.OtherDepartmentManager] = await tenant.UserAsync("ops-manager", [Role.Manager, Role.Employee], "O001"),
            [Who.Manager] = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001"),
            [Who.Hr] = tenant.Http,
            [Who.Admin] = tenant.Admin,
            [Who.IntegrationKey] = tenant.Ingest,
            [Who.RevokedKey] = revoked,
            [Who.OtherTenantHr] = other.Http,
        };
        var secrets = new[] { tenant.TenantId }.Concat(DemoCompany.Document(10).Employees!.Select(e => e.Name)).ToArray();

        var failures = new List<string>();
        foreach (var (key, _) in ApiEndpoints().Where(e => !Public.Contains(e.Key)))
        {
            foreach (var (who, http) in callers)
            {
                using var response = await http.SendAsync(Request(key), Cancel);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(Cancel);
                var allowed = Allowed[key].Contains(who);
                var expectedDenial = who is Who.Anonymous or Who.RevokedKey ? 401 : 403;
                if (allowed && status is 401 or 403) failures.Add($"{key} as {who}: expected access, got {status}");
                if (!allowed && status != expectedDenial) failures.Add($"{key} as {who}: expected {expectedDenial}, got {status}");
                if (!allowed && status is 401 or 403 && !IsProblem(response)) failures.Add($"{key} as {who}: the refusal is not a problem document");
                if (who == Who.OtherTenantHr && secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } leaked)
                    failures.Add($"{key} as {who}: the answer contains '{leaked}' of another tenant");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private IEnumerable<(string Key, RouteEndpoint Endpoint)> ApiEndpoints() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => ($"{m} {e.RoutePattern.RawText}", e)));

    private static HttpRequestMessage Request(string key)
    {
        var (method, pattern) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = pattern.Replace("{employeeId}", "B002", StringComparison.Ordinal).Replace("{departmentId}", "biz", StringComparison.Ordinal)
            .Replace("{templateId}", "business", StringComparison.Ordinal).Replace("{type}", "loan.disbursed", StringComparison.Ordinal)
            .Replace("{userName}", "nobody", StringComparison.Ordinal).Replace("{keyId}", "000000000000", StringComparison.Ordinal)
            .Replace("{webhookId}", "000000000000", StringComparison.Ordinal)
            .Replace("{feedbackId:long}", "1", StringComparison.Ordinal).Replace("{period}", "2025-03", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        // A body that binds but is not a valid change: allowed callers get a 400, never a change.
        if (method is "POST" or "PUT")
        {
            request.Content = path.EndsWith("/import", StringComparison.Ordinal) ? new StringContent("id\n", Encoding.UTF8, "text/csv")
                : new StringContent(path.EndsWith("/events/", StringComparison.Ordinal) ? "[]" : "{}", Encoding.UTF8, "application/json");
        }
        return request;
    }

    private static bool IsProblem(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static async Task<HttpClient> RevokedKeyAsync(TenantClient tenant)
    {
        var issued = await Expect.StatusAsync(await tenant.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "old", scopes = ApiKeyScopes.All.ToArray() }, TenantClient.Json, Cancel), 201);
        await Expect.StatusAsync(await tenant.Admin.DeleteAsync($"/api/v1/api-keys/{issued["key"]!["keyId"]!.GetValue<string>()}", Cancel), 204);
        return tenant.WithKey(issued["token"]!.GetValue<string>());
    }

    private static OrganisationDocument OtherCompany() => new(
        DemoCompany.EventTypes(),
        [DemoCompany.BusinessTemplate()],
        [new Department("x", "外部部门", null, null, "business")],
        [new Employee("X001", "外部员工甲", "x"), new Employee("X002", "外部员工乙", "x")]);
}
