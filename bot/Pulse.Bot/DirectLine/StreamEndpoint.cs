using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Pulse.Chat;
using Pulse.Grains;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// The WebSocket stream (<c>GET /conversations/{id}/stream?watermark=&amp;t=</c>, authorised by the token in <c>t</c>):
/// replays what came after the watermark (<c>-</c> is the start), then sends each append as one text frame
/// <c>{"activities":[…],"watermark":"n"}</c>. What the client sends (Web Chat's empty pings) is read and ignored.
/// </summary>
public static partial class StreamEndpoint
{
    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var conversationId = http.GetRouteValue("conversationId") as string ?? "";
        var access = services.GetRequiredService<ConversationAccess>();
        var allowed = await access.CheckAsync(http.Request.Query["t"].ToString(), conversationId);
        if (allowed.Grant is not { } grant)
        {
            await allowed.Refusal!.ExecuteAsync(http);
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineResults.BadArgument("The stream is a WebSocket; open it with new WebSocket(streamUrl).").ExecuteAsync(http);
            return;
        }

        var streams = services.GetRequiredService<DirectLineStreams>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StreamEndpoint));
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var session = new StreamSession(socket, GrainKeys.For(grant.TenantId, grant.ConversationId));
        using var onStopping = stopping.Register(() => session.Stop(WebSocketCloseStatus.EndpointUnavailable, "server stopping"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, session.Stopping);
        try
        {
            // Watch first, then replay: an append between the two arrives as a page and is cut to what the replay missed.
            await streams.AddAsync(session);
            await NoteActiveAsync(services.GetRequiredService<IGrainFactory>(), grant, logger);
            var receiving = DiscardIncomingAsync(socket, cancel.Token);
            var sent = await SendAsync(session, await access.Conversation(grant).ReadAsync(DirectLineRequest.Watermark(http.Request.Query["watermark"])), -1, cancel.Token);
            while (true)
            {
                var waiting = session.Pages.WaitToReadAsync(cancel.Token).AsTask();
                if (await Task.WhenAny(waiting, receiving) == receiving || !await waiting) break;
                while (session.Pages.TryRead(out var page))
                {
                    var first = page.Watermark - page.Activities.Length;
                    if (page.Watermark <= sent) continue;
                    // A gap (pages dropped while the socket was slow): read it from the conversation.
                    if (first > sent) page = await access.Conversation(grant).ReadAsync(sent);
                    else page = page with { Activities = page.Activities[(int)(sent - first)..] };
                    sent = await SendAsync(session, page, sent, cancel.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the server is stopping: close below if the socket still can.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogStreamFailed(logger, e);
            session.Stop(WebSocketCloseStatus.InternalServerError, "stream failed; reconnect");
        }
        finally
        {
            await streams.RemoveAsync(session);
            await CloseAsync(socket, session.Closing ?? (WebSocketCloseStatus.NormalClosure, "closed"));
        }
    }

    private static async Task<long> SendAsync(StreamSession session, TranscriptPage page, long sent, CancellationToken cancellationToken)
    {
        if (page.Activities.Length == 0 || page.Watermark <= sent) return Math.Max(sent, page.Watermark);
        await session.Socket.SendAsync(DirectLineResults.ActivitySetBytes(page), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return page.Watermark;
    }

    /// <summary>Reads and drops whatever the client sends, until it closes the socket.</summary>
    private static async Task DiscardIncomingAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Gone or stopping: the send loop ends too.
        }
    }

    private static async Task CloseAsync(WebSocket socket, (WebSocketCloseStatus Status, string Reason) close)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(close.Status, close.Reason, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The peer is gone already.
        }
    }

    private static async Task NoteActiveAsync(IGrainFactory grains, DirectLineGrant grant, ILogger logger)
    {
        try
        {
            await grains.GetGrain<IChatUserGrain>(GrainKeys.For(grant.TenantId, grant.UserName)).ConversationActiveAsync(grant.ConversationId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogActiveFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A Direct Line stream failed; the client reconnects")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a connected stream with the user's chat presence failed; the stream goes on")]
    private static partial void LogActiveFailed(ILogger logger, Exception exception);
}
