using Orleans.Concurrency;
using Pulse.Live;
using Pulse.Services;
using Pulse.Webhooks;

namespace Pulse.Grains;

/// <summary>
/// A tenant's outbound webhooks (key: tenant id): the targets admins manage, and the dispatcher that delivers the
/// tenant's alerts to them in the background from a bounded durable outbox, with retries.
/// </summary>
[Alias("pulse.grain.webhooks")]
public interface IWebhookGrain : IGrainWithStringKey
{
    [Alias("list")]
    Task<WebhookList> ListAsync();

    [Alias("get")]
    Task<WebhookTargetView?> GetAsync(string targetId);

    /// <summary>The answer holds the URL and secret in clear: the only time they leave the grain.</summary>
    [Alias("create")]
    Task<Answer<CreatedWebhook>> CreateAsync(WebhookTargetInput input);

    [Alias("update")]
    Task<Answer<WebhookTargetView>> UpdateAsync(string targetId, WebhookTargetInput input);

    /// <summary>False if no such target; its waiting deliveries go with it.</summary>
    [Alias("delete")]
    Task<bool> DeleteAsync(string targetId);

    /// <summary>Sends a test message now, one attempt, and records it with the target's deliveries.</summary>
    [Alias("test")]
    Task<Answer<WebhookDelivery>> TestAsync(string targetId);

    /// <summary>The target's recent delivery attempts, newest first; null if no such target.</summary>
    [Alias("deliveries")]
    Task<WebhookDelivery[]?> GetDeliveriesAsync(string targetId);

    /// <summary>Alerts of this tenant, as each silo's live feed publishes them; queued for the matching targets.</summary>
    [OneWay, Alias("offer")]
    Task OfferAsync(LiveAlert[] alerts);
}
