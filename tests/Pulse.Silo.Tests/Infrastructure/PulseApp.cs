using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Pulse.Silo.Tests.Infrastructure;

/// <summary>
/// The whole silo in-process — Orleans, the HTTP API, the real SQLite files in a folder of its own. A second
/// instance on the same folder is a restart.
/// </summary>
public sealed class PulseApp(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public PulseApp() : this(Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>The platform operator's key for this app; random, as a real one must be.</summary>
    public const string OperatorKey = "test-operator-key-5b0d2c1e";

    public string DataDirectory { get; } = dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Pulse:DataDirectory", DataDirectory);
        builder.UseSetting("Pulse:OperatorKey", OperatorKey);
        builder.UseSetting("Pulse:SignInsPerMinute", "10000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.UseSetting("Pulse:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Pulse:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (services is not null) builder.ConfigureTestServices(services);
    }
}
