using Microsoft.Extensions.Hosting;
using Pulse.Chat;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// Renews this process's watch of every conversation with an open stream every <see cref="ConversationWatchTimings.RenewEvery"/>;
/// at stop, closes the sockets cleanly and releases the observer.
/// </summary>
public sealed class DirectLineStreamRenewal(DirectLineStreams streams, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ConversationWatchTimings.RenewEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await streams.RenewAsync();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        streams.StopAll();
        await base.StopAsync(cancellationToken);
        streams.Release();
    }
}
