using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Reviews;

namespace Pulse.Chat;

/// <summary>
/// One user's chat presence. Every list it keeps is bounded: the <see cref="MaxConversations"/> most recently used
/// Direct Line conversations and as many Bot Connector conversations (by reference), the <see cref="MaxHeld"/> newest held alerts and as many review notices, the <see cref="MaxSeen"/>
/// newest crossings and notices seen (far more than the relays of every silo can offer of one at once) and at most
/// <see cref="MaxMuted"/> muted types. State is written only when something changed; a conversation's last use is kept to the minute, so a user
/// chatting away costs one write a minute, not one per message.
/// </summary>
/// <remarks>
/// Arguments are checked and refused with <see cref="ArgumentException"/>: the channels and the relay pass ids they
/// made or read from the organisation, so a bad one is a programming error, not user input.
/// </remarks>
public sealed class ChatUserGrain(
    [PersistentState("chat-user", StorageNames.Organisation)] IPersistentState<ChatUserState> state,
    IOptions<ChatUserOptions> options,
    TimeProvider clock) : Grain, IChatUserGrain
{
    public const int MaxConversations = 10;
    public const int MaxHeld = 50;
    public const int MaxSeen = 500;
    public const int MaxMuted = 64;
    public const int MaxIdLength = 200;
    public const int MaxLocaleLength = 35;

    /// <summary>How finely a conversation's last use is kept.</summary>
    public static readonly TimeSpan ActiveGranularity = TimeSpan.FromMinutes(1);

    private ChatUserState State => state.State;

    private string TenantId => GrainKeys.Split(this.GetPrimaryKeyString()).TenantId;

    public async Task<IChatNotice[]> ConversationOpenedAsync(string conversationId)
    {
        CheckId(conversationId, nameof(conversationId));
        Touch(conversationId, force: true);
        var held = TakeHeld();
        await state.WriteStateAsync();
        return held;
    }

    public async Task<IChatNotice[]> ChannelConversationUsedAsync(ChannelConversation conversation, string? locale)
    {
        CheckReference(conversation);
        if (locale is not null) CheckLocale(locale);
        var changed = TouchChannel(conversation);
        if (locale is not null && State.Locale != locale)
        {
            State.Locale = locale;
            changed = true;
        }
        var held = TakeHeld();
        if (changed || held.Length > 0) await state.WriteStateAsync();
        return held;
    }

    public async Task ConversationActiveAsync(string conversationId)
    {
        CheckId(conversationId, nameof(conversationId));
        if (Touch(conversationId, force: false)) await state.WriteStateAsync();
    }

    public async Task ConversationUsedAsync(string conversationId, string? locale)
    {
        CheckId(conversationId, nameof(conversationId));
        if (locale is not null) CheckLocale(locale);
        var changed = Touch(conversationId, force: false);
        if (locale is not null && State.Locale != locale)
        {
            State.Locale = locale;
            changed = true;
        }
        if (changed) await state.WriteStateAsync();
    }

    public Task<NoticeDelivery> DeliverAlertAsync(LiveAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return OfferAsync(alert, CrossingKey.Of(alert.Alert), State.Muted.Contains(alert.Alert.IndicatorId), State.Held);
    }

    public Task<NoticeDelivery> DeliverNoticeAsync(ReviewNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return OfferAsync(notice, notice.Key, muted: false, State.HeldNotices);
    }

    public Task<ChatProfile> GetProfileAsync() => Task.FromResult(Profile());

    public async Task<ChatProfile> MuteAsync(string alertType)
    {
        CheckId(alertType, nameof(alertType));
        if (State.Muted.Contains(alertType)) return Profile();
        if (State.Muted.Count >= MaxMuted) throw new ArgumentException($"At most {MaxMuted} alert types can be muted.", nameof(alertType));
        State.Muted.Add(alertType);
        await state.WriteStateAsync();
        return Profile();
    }

    public async Task<ChatProfile> UnmuteAsync(string alertType)
    {
        CheckId(alertType, nameof(alertType));
        if (State.Muted.Remove(alertType)) await state.WriteStateAsync();
        return Profile();
    }

    public async Task SetLocaleAsync(string locale)
    {
        CheckLocale(locale);
        if (State.Locale == locale) return;
        State.Locale = locale;
        await state.WriteStateAsync();
    }

    private ChatProfile Profile() => new(State.Locale, [.. State.Muted]);

    /// <summary>
    /// The first offer of a notice returns the open conversations (or holds it in <paramref name="held"/> when none is);
    /// every later offer of the same key, and a muted one, returns nothing.
    /// </summary>
    private async Task<NoticeDelivery> OfferAsync<T>(T notice, string key, bool muted, List<T> held)
        where T : IChatNotice
    {
        if (notice.TenantId != TenantId) throw new ArgumentException("The notice belongs to another tenant.", nameof(notice));
        if (State.Seen.Contains(key)) return NoticeDelivery.None;
        State.Seen.Add(key);
        Trim(State.Seen, MaxSeen);

        var open = NoticeDelivery.None;
        if (!muted)
        {
            open = OpenConversations();
            if (open.Count == 0)
            {
                held.Add(notice);
                Trim(held, MaxHeld);
            }
        }
        await state.WriteStateAsync();
        return open;
    }

    /// <summary>The held notices the user may still want (a type muted meanwhile is dropped), alerts first; forgets them.</summary>
    private IChatNotice[] TakeHeld()
    {
        IChatNotice[] held = [.. State.Held.Where(a => !State.Muted.Contains(a.Alert.IndicatorId)), .. State.HeldNotices];
        State.Held.Clear();
        State.HeldNotices.Clear();
        return held;
    }

    /// <summary>The conversations, Direct Line and channel, used within the open window, most recent first; forgets the others.</summary>
    private NoticeDelivery OpenConversations()
    {
        var since = clock.GetUtcNow() - options.Value.OpenWindow;
        State.Conversations.RemoveAll(c => c.LastActive < since);
        State.Channels.RemoveAll(c => c.LastActive < since);
        return new NoticeDelivery(
            [.. State.Conversations.OrderByDescending(c => c.LastActive).Select(c => c.Id)],
            [.. State.Channels.OrderByDescending(c => c.LastActive).Select(c => c.Reference)]);
    }

    /// <summary>Records a use of the channel conversation; true when the state changed (new, moved, or last use older than the granularity).</summary>
    private bool TouchChannel(ChannelConversation reference)
    {
        var now = clock.GetUtcNow();
        var known = State.Channels.Find(c => c.Reference.IsSameAs(reference));
        if (known is not null)
        {
            if (known.Reference == reference && now - known.LastActive < ActiveGranularity) return false;
            known.Reference = reference;
            known.LastActive = now;
            return true;
        }
        State.Channels.Add(new OpenChannelConversation { Reference = reference, LastActive = now });
        if (State.Channels.Count > MaxConversations)
        {
            State.Channels.Remove(State.Channels.MinBy(c => c.LastActive)!);
        }
        return true;
    }

    /// <summary>Records a use of the conversation; true when the state changed (new, or last use older than the granularity).</summary>
    private bool Touch(string conversationId, bool force)
    {
        var now = clock.GetUtcNow();
        var known = State.Conversations.Find(c => c.Id == conversationId);
        if (known is not null)
        {
            if (!force && now - known.LastActive < ActiveGranularity) return false;
            known.LastActive = now;
            return true;
        }
        State.Conversations.Add(new OpenConversation { Id = conversationId, LastActive = now });
        if (State.Conversations.Count > MaxConversations)
        {
            State.Conversations.Remove(State.Conversations.MinBy(c => c.LastActive)!);
        }
        return true;
    }

    private static void Trim<T>(List<T> list, int max)
    {
        if (list.Count > max) list.RemoveRange(0, list.Count - max);
    }

    private static void CheckLocale(string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        if (locale.Length > MaxLocaleLength || !locale.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("A locale is a language tag such as zh-CN or en-US.", nameof(locale));
        }
    }

    private static void CheckReference(ChannelConversation reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        foreach (var (field, value) in new[] { ("channelId", reference.ChannelId), ("serviceUrl", reference.ServiceUrl), ("conversationId", reference.ConversationId), ("botId", reference.BotId), ("userId", reference.UserId) })
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, field);
        }
        foreach (var (field, value) in new[] { ("channelId", reference.ChannelId), ("serviceUrl", reference.ServiceUrl), ("conversationId", reference.ConversationId), ("botId", reference.BotId), ("botName", reference.BotName), ("userId", reference.UserId), ("userName", reference.UserName), ("channelTenantId", reference.ChannelTenantId) })
        {
            if (value is { Length: > ChannelConversation.MaxFieldLength }) throw new ArgumentException($"Its {field} is longer than {ChannelConversation.MaxFieldLength} characters.", nameof(reference));
        }
        if (!Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("Its serviceUrl must be an absolute http(s) URL.", nameof(reference));
        }
    }

    private static void CheckId(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        if (id.Length > MaxIdLength) throw new ArgumentException($"Longer than {MaxIdLength} characters.", name);
    }
}
