using Pulse.Bot.Activities;

namespace Pulse.Bot.Connector;

/// <summary>
/// An activity the endpoint accepted, and whether its serviceUrl is vouched for: named by the connector's validated
/// token (its <c>serviceurl</c> claim), or, with authentication off, a loopback address. Only a vouched serviceUrl is
/// remembered for messages the bot starts later.
/// </summary>
public sealed record AcceptedActivity(Activity Activity, bool ServiceUrlVouched);
