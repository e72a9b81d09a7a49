using System.Globalization;
using Pulse.Events;
using Pulse.Grains;
using Pulse.Grains.Tests.Scoring;
using Pulse.Organisation;

namespace Pulse.Tests.Grains;

/// <summary>A small tenant with the seed company's 业务部 template, created fresh for each test.</summary>
internal static class TestCompany
{
    public static async Task<string> CreateAsync(IGrainFactory grains, int employees = 5)
    {
        var tenantId = "g" + Guid.NewGuid().ToString("N")[..12];
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        Assert.True((await tenant.CreateAsync(new TenantSettings(tenantId, "Grain Co"))).Applied);
        var result = await tenant.ImportAsync(new OrganisationDocument(
            [.. SeedTemplates.EventTypes.Values],
            [SeedTemplates.Business],
            [new Department("hq", "总部"), new Department("biz", "业务部", "hq", null, "business")],
            [.. Enumerable.Range(1, employees).Select(i => new Employee($"E{i:000}", $"员工{i}", "biz"))]));
        Assert.True(result.Applied, string.Join("; ", result.Errors.Select(e => $"{e.Item}: {e.Reason}")));
        return tenantId;
    }

    public static DateTimeOffset Now => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));

    public static BusinessEvent Loan(string employeeId, decimal amount, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), "loan.disbursed", employeeId, Now, string.Create(CultureInfo.InvariantCulture, $$"""{"amount":{{amount}}}"""));

    public static BusinessEvent Default(string employeeId, decimal amount) =>
        new(Guid.NewGuid().ToString("N"), "loan.defaulted", employeeId, Now, string.Create(CultureInfo.InvariantCulture, $$"""{"amount":{{amount}}}"""));
}
