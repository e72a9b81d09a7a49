namespace Pulse.Integration.Tests;

/// <summary>The interactive API page, opened in a real browser against a real silo.</summary>
public sealed class ApiReferencePageTests
{
    [Fact]
    public async Task The_api_page_loads_the_document_and_lists_the_operations()
    {
        var cancel = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "pulse-page", Guid.NewGuid().ToString("N"));
        await using var silo = await SiloProcess.StartAsync(directory, TenantSetup.Settings());

        var (dom, console) = await HeadlessChromium.RenderAsync(new Uri(silo.Address, "/api/"), TimeSpan.FromSeconds(15), cancel);

        Assert.DoesNotContain("could not be loaded", dom, StringComparison.OrdinalIgnoreCase);
        // The first group is open when the page loads; the others render as they are opened.
        Assert.True(dom.Contains("Sign in with a user name and password", StringComparison.Ordinal), $"The page shows no operations. Browser console:\n{console}");
        Assert.Contains("Live KPIs from business events", dom, StringComparison.Ordinal);
        Assert.Contains("/api/v1/auth/sign-in", dom, StringComparison.Ordinal);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
