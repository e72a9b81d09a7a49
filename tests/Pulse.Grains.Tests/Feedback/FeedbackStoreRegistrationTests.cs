using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pulse.Feedback;

namespace Pulse.Tests.Feedback;

public sealed class FeedbackStoreRegistrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-feedback-reg-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddSqliteFeedbackStore_registers_one_store_and_creates_its_file_at_start()
    {
        var path = Path.Combine(_folder, "feedback.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSqliteFeedbackStore(path);
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.IsType<SqliteFeedbackStore>(host.Services.GetRequiredService<IFeedbackStore>());
        Assert.True(File.Exists(path));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
