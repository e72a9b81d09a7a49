namespace Pulse.Tests.Chat;

[CollectionDefinition(Name)]
public sealed class ChatClusterCollection : ICollectionFixture<ChatClusterFixture>
{
    public const string Name = "chat-cluster";
}
