using System.Text.Json.Nodes;

namespace Pulse.Silo.Tests.Bot.Connector;

/// <summary>
/// An activity the stand-in connector received: the path's conversation and the activity it answers (null for one the
/// bot started), the Authorization header, the body.
/// </summary>
public sealed record ReceivedReply(string ConversationId, string? ReplyToId, string Authorization, JsonNode Body);
