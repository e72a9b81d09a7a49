using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Pulse.Grains;
using Pulse.Payroll;
using Pulse.Silo.Tests.Infrastructure;
using static Pulse.Silo.Tests.Payroll.PayrollSteps;

namespace Pulse.Silo.Tests.Payroll;

/// <summary>The export as HR downloads it: named pulse-pay-{period}, the file types right, a cycle never opened not found.</summary>
[Collection(PayrollCollection.Name)]
public sealed class PayExportApiTests(PayrollAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_open_cycle_downloads_as_csv_and_xlsx_named_after_its_period()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        await fixture.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IReviewCycleGrain>(GrainKeys.For(tenant.TenantId, Period)).EnsureOpenAsync();

        var csv = await tenant.Http.GetAsync($"/api/v1/cycles/{Period}/pay?format=csv", Cancel);
        var xlsx = await tenant.Http.GetAsync($"/api/v1/cycles/{Period}/pay?format=XLSX", Cancel);
        var json = await Expect.StatusAsync(await tenant.Http.GetAsync($"/api/v1/cycles/{Period}/pay", Cancel), 200);

        Assert.Equal(200, (int)csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"pulse-pay-{Period}.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(string.Join(',', PayExport.Headers) + "\r\n", Encoding.UTF8.GetString(bytes[3..]));

        Assert.Equal(200, (int)xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"pulse-pay-{Period}.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel));
        var header = Assert.Single(stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>());
        Assert.Equal(PayExport.Headers, header.Values.Cast<string>());

        Assert.Empty(json.AsArray());
    }

    [Fact]
    public async Task A_cycle_never_opened_is_not_found()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var response = await tenant.Http.GetAsync("/api/v1/cycles/2019-01/pay?format=csv", Cancel);
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
