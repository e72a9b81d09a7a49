using System.Net.Http.Json;
using Pulse.Organisation;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using Pulse.Templates;

namespace Pulse.Silo.Tests;

public sealed class OrganisationApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Importing_the_seed_company_registers_its_departments_employees_and_templates()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(20));

        var employees = await tenant.GetJsonAsync("/api/v1/employees");
        var departments = await tenant.GetJsonAsync("/api/v1/departments");
        var templates = await tenant.GetJsonAsync("/api/v1/templates");
        Assert.Equal(20, employees.AsArray().Count);
        Assert.Equal(["biz", "hq", "ops", "tech"], departments.AsArray().Select(d => d!["id"]!.GetValue<string>()).Order());
        Assert.All(templates.AsArray(), t => Assert.Equal(1, t!["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Creating_a_tenant_with_a_bad_id_or_zone_names_each_field()
    {
        var http = fixture.App.CreateClient();
        http.DefaultRequestHeaders.Add("X-Operator-Key", PulseApp.OperatorKey);
        var response = await http.PostAsJsonAsync("/api/v1/tenants", new { tenantId = "Bad Id", name = "Co", timeZone = "Mars/Base", admin = new { userName = "admin", password = "short", roles = new[] { "admin" } } }, Cancel);
        var problem = await Expect.ProblemAsync(response, 400, "tenantId", "lower-case");
        Assert.Contains("timeZone", problem["errors"]!.AsObject().Select(kv => kv.Key));
        Assert.Contains("admin.password", problem["errors"]!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public async Task Creating_a_tenant_twice_is_a_conflict()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var http = fixture.App.CreateClient();
        http.DefaultRequestHeaders.Add("X-Operator-Key", PulseApp.OperatorKey);
        var again = await http.PostAsJsonAsync("/api/v1/tenants", new { tenantId = tenant.TenantId, name = "Again", admin = new { userName = "admin", password = TenantClient.Password, roles = new[] { "admin" } } }, Cancel);
        await Expect.StatusAsync(again, 409);
    }

    [Fact]
    public async Task Weights_that_do_not_sum_to_100_are_refused_and_nothing_is_imported()
    {
        var document = DemoCompany.Document(10);
        var broken = document.Templates![0] with
        {
            Sections = [document.Templates[0].Sections[0] with { Weight = 60 }, document.Templates[0].Sections[1]],
        };
        var tenant = await TenantClient.CreateAsync(fixture.App);

        var response = await tenant.Http.PutAsJsonAsync("/api/v1/organisation", document with { Templates = [broken, .. document.Templates[1..]] }, TenantClient.Json, Cancel);

        await Expect.ProblemAsync(response, 400, "templates[0].sections", "100");
        Assert.Empty((await tenant.GetJsonAsync("/api/v1/employees")).AsArray());
        Assert.Empty((await tenant.GetJsonAsync("/api/v1/templates")).AsArray());
    }

    [Fact]
    public async Task An_employee_in_an_unknown_department_is_named_by_its_position()
    {
        var document = DemoCompany.Document(10);
        var employees = document.Employees!.ToArray();
        employees[3] = employees[3] with { DepartmentId = "nowhere" };
        var tenant = await TenantClient.CreateAsync(fixture.App);

        var response = await tenant.Http.PutAsJsonAsync("/api/v1/organisation", document with { Employees = employees }, TenantClient.Json, Cancel);

        await Expect.ProblemAsync(response, 400, "employees[3].departmentId", "'nowhere' does not exist");
    }

    [Fact]
    public async Task A_department_loop_is_refused()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var response = await tenant.Http.PutAsJsonAsync("/api/v1/departments/hq", new Department("hq", "总部", "biz"), TenantClient.Json, Cancel);
        await Expect.ProblemAsync(response, 400, "department.parentId", "loops");
    }

    [Fact]
    public async Task A_template_reading_an_unregistered_field_is_refused_with_its_path()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var template = DemoCompany.BusinessTemplate();
        var loan = template.Sections[0].Indicators[0];
        var wrong = loan with { Source = new IndicatorSource(SourceKind.Measure, new Measure(MeasureKind.Sum, "loan.disbursed", "principal")) };
        var draft = template with { Sections = [template.Sections[0] with { Indicators = [wrong, .. template.Sections[0].Indicators[1..]] }, template.Sections[1]] };

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/templates/validate", draft, TenantClient.Json, Cancel);

        await Expect.ProblemAsync(response, 400, "template.sections[0].indicators[0].source.measure.field", "principal");
    }

    [Fact]
    public async Task Unknown_json_properties_are_refused_naming_the_path()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var response = await tenant.Http.PutAsJsonAsync("/api/v1/departments/new", new { id = "new", name = "新部门", colour = "red" }, Cancel);
        await Expect.ProblemAsync(response, 400, "$.colour");
    }

    [Fact]
    public async Task Employees_import_from_csv_and_bad_rows_are_reported_by_line()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var good = "id,name,departmentId,title,performancePayBase,active\nN001,新员工甲,biz,专员,7000,true\nN002,新员工乙,ops,,6000,\n";
        var imported = await tenant.Http.PostAsync("/api/v1/employees/import", new StringContent(good, System.Text.Encoding.UTF8, "text/csv"), Cancel);
        await Expect.StatusAsync(imported, 200);
        Assert.Equal("新员工乙", (await tenant.GetJsonAsync("/api/v1/employees/N002"))["name"]!.GetValue<string>());

        var bad = "id,name,departmentId,title,performancePayBase,active\nN003,丙,biz,,abc,true\nN004,丁,nowhere,,1,true\n";
        var refused = await tenant.Http.PostAsync("/api/v1/employees/import", new StringContent(bad, System.Text.Encoding.UTF8, "text/csv"), Cancel);
        await Expect.ProblemAsync(refused, 400, "rows[2].performancePayBase", "not a number");

        var unknownDepartment = "id,name,departmentId\nN005,戊,biz\nN006,己,nowhere\n";
        var refusedAgain = await tenant.Http.PostAsync("/api/v1/employees/import", new StringContent(unknownDepartment, System.Text.Encoding.UTF8, "text/csv"), Cancel);
        await Expect.ProblemAsync(refusedAgain, 400, "rows[3].departmentId", "does not exist");
        var missing = await tenant.Http.GetAsync("/api/v1/employees/N005", Cancel);
        await Expect.StatusAsync(missing, 404);
    }
}
