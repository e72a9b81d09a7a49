using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Orleans;
using Pulse.Chat;
using Pulse.Grains;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// This process's open stream sockets, and its one observer of their conversations: the observer watches each
/// conversation with a socket here (renewed by <see cref="DirectLineStreamRenewal"/>), and hands every append to the
/// conversation's sockets. A conversation keeps at most <see cref="MaxSocketsPerConversation"/> sockets; a new one
/// closes the oldest, as Direct Line closes a colliding stream.
/// </summary>
public sealed partial class DirectLineStreams(IGrainFactory grains, ILogger<DirectLineStreams> logger) : IConversationObserver
{
    public const int MaxSocketsPerConversation = 4;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StreamSession>> _sessions = new(StringComparer.Ordinal);
    private IConversationObserver? _reference;

    private IConversationObserver Reference
    {
        get
        {
            lock (_gate) return _reference ??= grains.CreateObjectReference<IConversationObserver>(this);
        }
    }

    public async Task AddAsync(StreamSession session)
    {
        StreamSession? collided = null;
        lock (_gate)
        {
            if (!_sessions.TryGetValue(session.ConversationKey, out var list)) _sessions[session.ConversationKey] = list = [];
            if (list.Count >= MaxSocketsPerConversation)
            {
                collided = list[0];
                list.RemoveAt(0);
            }
            list.Add(session);
        }
        collided?.Stop(WebSocketCloseStatus.PolicyViolation, "collision");
        await Grain(session.ConversationKey).WatchAsync(Reference);
    }

    public async Task RemoveAsync(StreamSession session)
    {
        bool last;
        lock (_gate)
        {
            last = _sessions.TryGetValue(session.ConversationKey, out var list) && list.Remove(session) && list.Count == 0;
            if (last) _sessions.Remove(session.ConversationKey);
        }
        if (!last) return;
        try
        {
            await Grain(session.ConversationKey).UnwatchAsync(Reference);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The conversation drops a watcher that stops renewing; this only makes it sooner.
            LogUnwatchFailed(logger, e);
        }
    }

    public Task OnAppendedAsync(string tenantId, string conversationId, TranscriptPage page)
    {
        StreamSession[] sessions;
        lock (_gate)
        {
            if (!_sessions.TryGetValue(GrainKeys.For(tenantId, conversationId), out var list)) return Task.CompletedTask;
            sessions = [.. list];
        }
        foreach (var session in sessions) session.Offer(page);
        return Task.CompletedTask;
    }

    /// <summary>Watches every conversation with a socket here again, so the conversations keep this process as a watcher.</summary>
    public async Task RenewAsync()
    {
        string[] keys;
        lock (_gate) keys = [.. _sessions.Keys];
        foreach (var key in keys)
        {
            try
            {
                await Grain(key).WatchAsync(Reference);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogRenewFailed(logger, e);
            }
        }
    }

    /// <summary>Closes every socket (the host is stopping) and lets go of the observer.</summary>
    public void StopAll()
    {
        StreamSession[] sessions;
        lock (_gate) sessions = [.. _sessions.Values.SelectMany(l => l)];
        foreach (var session in sessions) session.Stop(WebSocketCloseStatus.EndpointUnavailable, "server stopping");
    }

    public void Release()
    {
        IConversationObserver? reference;
        lock (_gate)
        {
            reference = _reference;
            _reference = null;
        }
        if (reference is null) return;
        try
        {
            grains.DeleteObjectReference<IConversationObserver>(reference);
        }
        catch (ArgumentException)
        {
            // Already released by the runtime stopping first.
        }
    }

    public IConversationGrain Grain(string conversationKey) => grains.GetGrain<IConversationGrain>(conversationKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unwatching a conversation whose last stream closed failed; it drops this process when it stops renewing")]
    private static partial void LogUnwatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the watch of a conversation with open streams failed; retrying at the next renewal")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);
}
