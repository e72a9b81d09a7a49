namespace Pulse.Silo.Tests.Webhooks;

/// <summary>The webhook tests share one silo and one receiver.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookAppFixture>
{
    public const string Name = "webhooks";
}
