using Microsoft.Extensions.Logging;
using Pulse.Live;

namespace Pulse.Bot.Proactive;

/// <summary>Keeps the <see cref="NoticeInbox"/> subscribed to the cluster's live feed.</summary>
public sealed class NoticeFeedSubscription(IGrainFactory grains, NoticeInbox inbox, TimeProvider clock, ILogger<NoticeFeedSubscription> logger)
    : LiveFeedSubscriber(grains, inbox, "the chat notice relay", clock, logger);
