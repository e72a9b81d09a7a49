using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Pulse.Silo.Hosting;

/// <summary>Tells the person who started Pulse where to look, once the server listens.</summary>
public sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, IHostEnvironment environment, IOptions<PulseOptions> options, IOptions<DemoOptions> demo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "(no address)";
            var o = options.Value;
            Console.WriteLine();
            Console.WriteLine($"Pulse is running at {address}");
            Console.WriteLine($"  Dashboard       {address}/");
            Console.WriteLine($"  API reference   {address}/api");
            Console.WriteLine($"  OpenAPI         {address}/openapi/v1.json");
            if (demo.Value.Seed)
            {
                Console.WriteLine($"  Demo tenant     '{demo.Value.TenantId}': sign in with an account printed below (POST /api/v1/auth/sign-in)");
                Console.WriteLine($"  Overview        {address}/api/v1/overview");
                Console.WriteLine($"  An employee     {address}/api/v1/employees/B001/performance");
            }
            if (demo.Value.Simulate) Console.WriteLine($"  Simulator       {demo.Value.EventsPerSecond} events/s (Pulse:Demo:EventsPerSecond)");
            Console.WriteLine($"  Storage         {o.Storage}{(o.Storage == "Sqlite" ? $" in {Path.GetFullPath(o.DataDirectory, environment.ContentRootPath)}" : "")}");
            if (!File.Exists(Path.Combine(environment.ContentRootPath, "appsettings.json")))
            {
                // Started from another directory, the silo runs without its shipped settings (log levels among them).
                Console.WriteLine($"  Warning         no appsettings.json in {environment.ContentRootPath}: built-in defaults only (pass --contentRoot)");
            }
            Console.WriteLine();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
