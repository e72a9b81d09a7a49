using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pulse.Audit;

namespace Pulse.Tests.Audit;

public sealed class AuditLogRegistrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-audit-di-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddSqliteAuditLog_registers_one_store_and_creates_its_schema_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSqliteAuditLog(o => o.Path = Path.Combine(_folder, "audit.db"));
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var log = host.Services.GetRequiredService<IAuditLog>();

        Assert.IsType<SqliteAuditLog>(log);
        Assert.Same(log, host.Services.GetRequiredService<IAuditLog>());
        Assert.True(File.Exists(Path.Combine(_folder, "audit.db")));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_embedded_store_defaults_to_its_own_file_under_data()
    {
        Assert.Equal("data/audit.db", new SqliteAuditLogOptions().Path);
        Assert.Equal("pulse", new PostgresAuditLogOptions().Schema);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPostgresAuditLog(o =>
        {
            o.ConnectionString = "";
            o.Schema = "Robert'); DROP TABLE audit;--";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(nameof(PostgresAuditLogOptions.Schema), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(PostgresAuditLogOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
