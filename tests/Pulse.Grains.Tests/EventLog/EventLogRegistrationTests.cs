using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pulse.EventLog;

namespace Pulse.Tests.EventLog;

public sealed class EventLogRegistrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-di-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddSqliteEventLog_registers_one_store_and_creates_its_schema_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSqliteEventLog(o => o.Path = Path.Combine(_folder, "events.db"));
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var log = host.Services.GetRequiredService<IEventLog>();

        Assert.IsType<SqliteEventLog>(log);
        Assert.Same(log, host.Services.GetRequiredService<IEventLog>());
        Assert.True(File.Exists(Path.Combine(_folder, "events.db")));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPostgresEventLog(o =>
        {
            o.ConnectionString = "";
            o.Schema = "Robert'); DROP TABLE events;--";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(nameof(PostgresEventLogOptions.Schema), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(PostgresEventLogOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
