using Microsoft.Extensions.Logging;
using Pulse.Live;

namespace Pulse.WebDashboard.Hub;

/// <summary>Keeps the <see cref="DashboardBroadcaster"/> subscribed to the cluster's live feed.</summary>
public sealed class LiveFeedSubscription(IGrainFactory grains, DashboardBroadcaster broadcaster, TimeProvider clock, ILogger<LiveFeedSubscription> logger)
    : LiveFeedSubscriber(grains, broadcaster, "the dashboard", clock, logger);
