using System.Text.Json.Nodes;

namespace Pulse.Silo.Tests.Bot.Connector;

/// <summary>A reply the stand-in connector received: the path's conversation and activity, the Authorization header, the body.</summary>
public sealed record ReceivedReply(string ConversationId, string ReplyToId, string Authorization, JsonNode Body);
