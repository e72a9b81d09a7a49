using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Pulse.Grains;

namespace Pulse.Chat;

/// <summary>
/// One chat conversation: its owner, the newest <see cref="MaxActivities"/> activities with a watermark that counts every
/// activity ever appended, the bot's dialog state, and the processes watching it. Each append is stamped, written once
/// and pushed to the watchers. Watchers live in memory: a process renews its watch within
/// <see cref="ConversationWatchTimings.RenewEvery"/>, so a fresh activation has them back within one renewal, and the
/// grain stays active while watched so an append never finds an empty list where there was a watcher.
/// </summary>
public sealed class ConversationGrain(
    [PersistentState("conversation", StorageNames.Organisation)] IPersistentState<ConversationState> stored,
    TimeProvider clock,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    /// <summary>Activities kept; older ones are dropped (the watermark still counts them).</summary>
    public const int MaxActivities = 500;

    /// <summary>Characters of JSON kept; past that the oldest activities are dropped, so the stored state stays small.</summary>
    public const int MaxTranscriptChars = 1_000_000;

    public const int MaxDialogStateChars = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ObserverManager<IConversationObserver> _watchers = new(ConversationWatchTimings.Expiry, logger)
    {
        GetDateTime = () => clock.GetUtcNow().UtcDateTime,
    };

    private string TenantId => GrainKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string ConversationId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    public async Task<bool> OpenAsync(ChatUser user)
    {
        if (user.TenantId != TenantId) return false;
        if (stored.State.Owner is { } owner) return owner.UserName == user.UserName;
        stored.State.Owner = user;
        await stored.WriteStateAsync();
        return true;
    }

    public Task<ChatUser?> GetOwnerAsync() => Task.FromResult(stored.State.Owner);

    public async Task<AppendedActivities> AppendAsync(string[] activities)
    {
        if (stored.State.Owner is null) throw new InvalidOperationException("The conversation was never opened.");
        if (activities.Length is 0 or > MaxActivities) throw new ArgumentException($"Append 1 to {MaxActivities} activities.", nameof(activities));

        var stamped = new string[activities.Length];
        var ids = new string[activities.Length];
        var last = stored.State.LastTimestamp;
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = Parse(activities[i]);
            var seq = stored.State.Appended + i;
            ids[i] = $"{ConversationId}|{seq.ToString("D7", CultureInfo.InvariantCulture)}";
            last = Next(last);
            activity["id"] = ids[i];
            activity["timestamp"] = last.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            activity["conversation"] = new JsonObject { ["id"] = ConversationId };
            activity["channelId"] = "directline";
            stamped[i] = activity.ToJsonString(Json);
        }
        if (stamped.Sum(a => (long)a.Length) > MaxTranscriptChars) throw new ArgumentException("The activities are too large to keep.", nameof(activities));

        stored.State.Activities.AddRange(stamped);
        stored.State.Appended += stamped.Length;
        stored.State.LastTimestamp = last;
        Trim(stored.State);
        await stored.WriteStateAsync();

        var page = new TranscriptPage(stamped, stored.State.Appended);
        var (tenantId, conversationId) = (TenantId, ConversationId);
        await _watchers.Notify(w => w.OnAppendedAsync(tenantId, conversationId, page));
        return new AppendedActivities(ids, stored.State.Appended);
    }

    public Task<TranscriptPage> ReadAsync(long watermark)
    {
        var kept = stored.State.Activities;
        var first = stored.State.Appended - kept.Count;
        var from = Math.Clamp(watermark, first, stored.State.Appended) - first;
        return Task.FromResult(new TranscriptPage([.. kept.Skip((int)from)], stored.State.Appended));
    }

    public Task WatchAsync(IConversationObserver observer)
    {
        _watchers.Subscribe(observer, observer);
        KeepAliveWhileWatched();
        return Task.CompletedTask;
    }

    public Task UnwatchAsync(IConversationObserver observer)
    {
        _watchers.Unsubscribe(observer);
        KeepAliveWhileWatched();
        return Task.CompletedTask;
    }

    public Task<string?> GetDialogStateAsync() => Task.FromResult(stored.State.DialogState);

    public async Task SetDialogStateAsync(string? state)
    {
        if (state?.Length > MaxDialogStateChars) throw new ArgumentException($"Dialog state is limited to {MaxDialogStateChars} characters.", nameof(state));
        if (state == stored.State.DialogState) return;
        stored.State.DialogState = state;
        await stored.WriteStateAsync();
    }

    // A watched conversation stays active as long as a renewal could still come; an unwatched one deactivates as usual.
    private void KeepAliveWhileWatched()
    {
        _watchers.ClearExpired();
        DelayDeactivation(_watchers.Count > 0 ? ConversationWatchTimings.Expiry : TimeSpan.Zero);
    }

    // Milliseconds are what the timestamp shows, so two activities in the same millisecond would tie: the later one moves on by one.
    private DateTime Next(DateTime last)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        return now > last ? now : last.AddMilliseconds(1);
    }

    private static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("An activity is a JSON object.", nameof(json));
        }
        catch (JsonException e)
        {
            throw new ArgumentException("An activity is a JSON object.", nameof(json), e);
        }
    }

    private static void Trim(ConversationState conversation)
    {
        var drop = Math.Max(0, conversation.Activities.Count - MaxActivities);
        var chars = conversation.Activities.Skip(drop).Sum(a => (long)a.Length);
        while (chars > MaxTranscriptChars && drop < conversation.Activities.Count - 1)
        {
            chars -= conversation.Activities[drop].Length;
            drop++;
        }
        if (drop > 0) conversation.Activities.RemoveRange(0, drop);
    }
}
