using System.Net.WebSockets;
using System.Threading.Channels;
using Pulse.Chat;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// One open stream socket: the pages its conversation pushed, waiting to be sent (a slow socket loses the oldest and
/// reads the gap from the conversation instead), and how it is told to stop.
/// </summary>
public sealed class StreamSession(WebSocket socket, string conversationKey) : IDisposable
{
    private const int MaxWaitingPages = 64;

    private readonly CancellationTokenSource _stop = new();

    private readonly Channel<TranscriptPage> _pages = Channel.CreateBounded<TranscriptPage>(
        new BoundedChannelOptions(MaxWaitingPages) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public WebSocket Socket { get; } = socket;

    public string ConversationKey { get; } = conversationKey;

    public ChannelReader<TranscriptPage> Pages => _pages.Reader;

    public CancellationToken Stopping => _stop.Token;

    /// <summary>Why the server closes the socket, once it decided to.</summary>
    public (WebSocketCloseStatus Status, string Reason)? Closing { get; private set; }

    public void Offer(TranscriptPage page) => _pages.Writer.TryWrite(page);

    public void Stop(WebSocketCloseStatus status, string reason)
    {
        Closing ??= (status, reason);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    public void Dispose() => _stop.Dispose();
}
