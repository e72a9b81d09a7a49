using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains;
using Pulse.Reviews;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Payroll;

/// <summary>What the payroll tests do again and again: known lines, set the endpoint, push through the grain, wait for the receiver.</summary>
public static class PayrollSteps
{
    public const string Period = "2025-03";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static PayLine[] Lines() =>
    [
        new(Period, "B001", "张伟", "biz", "S", 93.456m, 2000m, 1.5m, 3000m, "CNY"),
        new(Period, "B002", "李娜", "biz", "B", 72m, 1500m, 1.0m, 1500m, "CNY"),
        new(Period, "O001", "王芳", "ops", "C", 61.5m, 1800m, 0.8m, 1440m, "CNY"),
    ];

    public static IPayrollGrain Grain(PayrollAppFixture fixture, TenantClient tenant) =>
        fixture.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IPayrollGrain>(GrainKeys.For(tenant.TenantId, Period));

    public static async Task<JsonNode> SetEndpointAsync(TenantClient tenant, string url, string? secret) =>
        await Expect.StatusAsync(await tenant.Http.PutAsJsonAsync("/api/v1/payroll-endpoint", new { url, secret }, TenantClient.Json, Cancel), 200);

    /// <summary>A tenant whose endpoint is a fresh receiver path with a fresh secret.</summary>
    public static async Task<(TenantClient Tenant, string Path)> ConfiguredTenantAsync(PayrollAppFixture fixture)
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var secret = "whsec-" + Guid.NewGuid().ToString("N");
        var url = fixture.Receiver.NewUrl(secret, out var path);
        await SetEndpointAsync(tenant, url, secret);
        return (tenant, path);
    }

    public static Task<IReadOnlyList<ReceivedPush>> ReceivedAsync(PayrollReceiver receiver, string path, int count) =>
        Expect.EventuallyAsync(() => Task.FromResult(receiver.Received(path)), r => r.Count >= count);

    public static Task<PayrollStatus> SettledAsync(IPayrollGrain grain, Func<PayrollStatus, bool> condition) =>
        Expect.EventuallyAsync(grain.GetStatusAsync, condition);
}
