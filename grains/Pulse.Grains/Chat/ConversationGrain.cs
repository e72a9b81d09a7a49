using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Utilities;
using Pulse.Grains;

namespace Pulse.Chat;

/// <summary>
/// One chat conversation: its owner, the newest <see cref="MaxActivities"/> activities with a watermark that counts every
/// activity ever appended, the bot's dialog state, and the processes watching it. Each append is stamped, written once
/// and pushed to the watchers. The transcript is kept in sealed pages of about <see cref="PageChars"/> characters, each
/// written once, so an append writes a record about a page long, not the whole transcript.
/// </summary>
/// <remarks>
/// A user's activity posted through the channel (<see cref="PostAsync"/>) gets its id at once but is held, unseen, until
/// the next write: the bot's answer (<see cref="AnswerAsync"/>) keeps the echo and the replies in one write, and an echo
/// nothing answers within <see cref="EchoHold"/> is written alone. Nobody reads or is pushed an activity before it is
/// durable, so a watermark or an id once shown is never given again; an echo held when its silo dies is lost with it,
/// unseen (the client's send then times out and offers a retry). Watchers live in memory: a process renews its watch
/// within <see cref="ConversationWatchTimings.RenewEvery"/>, so a fresh activation has them back within one renewal, and
/// the grain stays active while watched so an append never finds an empty list where there was a watcher.
/// </remarks>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", StorageNames.Organisation)] IPersistentState<ConversationState> stored,
    [FromKeyedServices(StorageNames.Organisation)] IGrainStorage storage,
    TimeProvider clock,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    /// <summary>Activities kept; older ones are dropped (the watermark still counts them).</summary>
    public const int MaxActivities = 500;

    /// <summary>Characters of JSON kept; past that the oldest pages are dropped, so the stored transcript stays small.</summary>
    public const int MaxTranscriptChars = 1_000_000;

    public const int MaxDialogStateChars = 64 * 1024;

    /// <summary>The newest activities are sealed into a page of their own once they reach this many characters…</summary>
    public const int PageChars = 16_000;

    /// <summary>…or this many activities.</summary>
    public const int PageActivities = 16;

    /// <summary>Echoes held for the bot's answer at most; one more is written with those held first.</summary>
    public const int MaxHeld = 16;

    /// <summary>How long an echo waits for the bot's answer to be written with it before it is written alone.</summary>
    public static readonly TimeSpan EchoHold = TimeSpan.FromMilliseconds(500);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ObserverManager<IConversationObserver> _watchers = new(ConversationWatchTimings.Expiry, logger)
    {
        GetDateTime = () => clock.GetUtcNow().UtcDateTime,
    };

    private readonly List<string> _held = [];
    private IGrainTimer? _holdTimer;
    private ConversationPages? _pages;

    private ConversationPages Pages => _pages ??= new ConversationPages(storage, this.GetPrimaryKeyString());

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

    public async Task<AppendedActivities> PostAsync(string activity)
    {
        CheckOpen();
        if (_held.Count >= MaxHeld) await KeepAsync([], stored.State.DialogState);
        var stamped = Stamp([activity]);
        _held.AddRange(stamped.Activities);
        _holdTimer ??= this.RegisterGrainTimer(WriteHeldAsync, new GrainTimerCreationOptions(EchoHold, Timeout.InfiniteTimeSpan) { Interleave = false });
        return new AppendedActivities(stamped.Ids, stored.State.Appended + _held.Count);
    }

    public Task<AppendedActivities> AppendAsync(string[] activities)
    {
        CheckOpen();
        if (activities.Length == 0) throw new ArgumentException($"Append 1 to {MaxActivities} activities.", nameof(activities));
        return KeepAsync(activities, stored.State.DialogState);
    }

    public Task<AppendedActivities> AnswerAsync(string[] replies, string? dialogState)
    {
        CheckOpen();
        CheckDialogState(dialogState);
        return KeepAsync(replies, dialogState);
    }

    public async Task<TranscriptPage> ReadAsync(long watermark)
    {
        var state = stored.State;
        var first = state.Appended - state.Pages.Sum(p => (long)p.Kept) - state.Activities.Count;
        var from = Math.Clamp(watermark, first, state.Appended);
        var activities = new List<string>();
        var position = first;
        foreach (var page in state.Pages)
        {
            var end = position + page.Kept;
            if (end > from) activities.AddRange((await Pages.ReadAsync(page)).Skip((int)Math.Max(0, from - position)));
            position = end;
        }
        activities.AddRange(state.Activities.Skip((int)Math.Max(0, from - position)));
        return new TranscriptPage([.. activities], state.Appended);
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
        CheckDialogState(state);
        if (state == stored.State.DialogState) return;
        stored.State.DialogState = state;
        await stored.WriteStateAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Going away in an orderly way: the echoes held are written rather than lost.
        if (_held.Count > 0)
        {
            try
            {
                await KeepAsync([], stored.State.DialogState);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogHeldLost(logger, _held.Count, e);
            }
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// Writes the held echoes, then <paramref name="activities"/> stamped after them, and the dialog state, in one write
    /// of the conversation's record (and, when the newest activities fill a page, the page's record first); then pushes
    /// them all to the watchers. Nothing to write, nothing written.
    /// </summary>
    private async Task<AppendedActivities> KeepAsync(string[] activities, string? dialogState)
    {
        if (activities.Length > MaxActivities) throw new ArgumentException($"Append 1 to {MaxActivities} activities.", nameof(activities));
        var state = stored.State;
        var stamped = Stamp(activities);
        if (_held.Count == 0 && stamped.Activities.Length == 0 && dialogState == state.DialogState) return new AppendedActivities([], state.Appended);

        string[] kept = [.. _held, .. stamped.Activities];
        _held.Clear();
        _holdTimer?.Dispose();
        _holdTimer = null;
        state.Activities.AddRange(kept);
        state.Appended += kept.Length;
        state.DialogState = dialogState;
        await SealNewestAsync(state);
        var dropped = Trim(state);
        await stored.WriteStateAsync();
        foreach (var page in dropped) await RemovePageAsync(page);

        if (kept.Length > 0)
        {
            var page = new TranscriptPage(kept, state.Appended);
            var (tenantId, conversationId) = (TenantId, ConversationId);
            await _watchers.Notify(w => w.OnAppendedAsync(tenantId, conversationId, page));
        }
        return new AppendedActivities(stamped.Ids, state.Appended);
    }

    /// <summary>Stamps activities after those appended and held: id, timestamp, conversation and channel.</summary>
    private (string[] Ids, string[] Activities) Stamp(string[] activities)
    {
        var stamped = new string[activities.Length];
        var ids = new string[activities.Length];
        var last = stored.State.LastTimestamp;
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = Parse(activities[i]);
            var seq = stored.State.Appended + _held.Count + i;
            ids[i] = $"{ConversationId}|{seq.ToString("D7", CultureInfo.InvariantCulture)}";
            last = Next(last);
            activity["id"] = ids[i];
            activity["timestamp"] = last.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            activity["conversation"] = new JsonObject { ["id"] = ConversationId };
            activity["channelId"] = "directline";
            stamped[i] = activity.ToJsonString(Json);
        }
        if (stamped.Sum(a => (long)a.Length) > MaxTranscriptChars) throw new ArgumentException("The activities are too large to keep.", nameof(activities));
        stored.State.LastTimestamp = last;
        return (ids, stamped);
    }

    /// <summary>Seals the newest activities into a page once they fill one; the page is written before the record that names it.</summary>
    private async Task SealNewestAsync(ConversationState state)
    {
        var chars = state.Activities.Sum(a => (long)a.Length);
        if (state.Activities.Count < PageActivities && chars < PageChars) return;
        var first = state.Appended - state.Activities.Count;
        var activities = state.Activities;
        var etag = await Pages.WriteAsync(first, activities);
        state.Pages.Add(new SealedPage { First = first, Count = activities.Count, Chars = chars, ETag = etag });
        state.Activities = [];
    }

    /// <summary>Drops the oldest activities past <see cref="MaxActivities"/>, then the oldest pages past <see cref="MaxTranscriptChars"/>; answers the pages no longer kept.</summary>
    private static List<SealedPage> Trim(ConversationState state)
    {
        var dropped = new List<SealedPage>();
        var kept = state.Pages.Sum(p => (long)p.Kept) + state.Activities.Count;
        var chars = state.Pages.Sum(p => p.Chars) + state.Activities.Sum(a => (long)a.Length);
        while (state.Pages.Count > 0 && (kept > MaxActivities || chars > MaxTranscriptChars))
        {
            var oldest = state.Pages[0];
            var excess = kept - MaxActivities;
            if (chars <= MaxTranscriptChars && excess < oldest.Kept)
            {
                oldest.Skip += (int)excess;
                break;
            }
            state.Pages.RemoveAt(0);
            dropped.Add(oldest);
            kept -= oldest.Kept;
            chars -= oldest.Chars;
        }
        return dropped;
    }

    /// <summary>A page no longer kept is removed; should that fail, it is only storage left behind, never shown again.</summary>
    private async Task RemovePageAsync(SealedPage page)
    {
        try
        {
            await Pages.RemoveAsync(page);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPageNotRemoved(logger, e);
        }
    }

    private async Task WriteHeldAsync(CancellationToken cancellationToken)
    {
        _holdTimer?.Dispose();
        _holdTimer = null;
        try
        {
            await KeepAsync([], stored.State.DialogState);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Held echoes stay held: the next write carries them, and this timer tries again.
            LogHeldNotWritten(logger, _held.Count, e);
            _holdTimer ??= this.RegisterGrainTimer(WriteHeldAsync, new GrainTimerCreationOptions(EchoHold, Timeout.InfiniteTimeSpan) { Interleave = false });
        }
    }

    private void CheckOpen()
    {
        if (stored.State.Owner is null) throw new InvalidOperationException("The conversation was never opened.");
    }

    private static void CheckDialogState(string? state)
    {
        if (state?.Length > MaxDialogStateChars) throw new ArgumentException($"Dialog state is limited to {MaxDialogStateChars} characters.", nameof(state));
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

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} held echoes could not be written; they are retried")]
    private static partial void LogHeldNotWritten(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} held echoes were lost as the conversation deactivated")]
    private static partial void LogHeldLost(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A transcript page no longer kept could not be removed")]
    private static partial void LogPageNotRemoved(ILogger logger, Exception exception);
}
