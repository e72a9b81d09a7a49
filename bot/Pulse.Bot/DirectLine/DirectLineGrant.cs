using System.Text.Json.Serialization;
using Pulse.Chat;

namespace Pulse.Bot.DirectLine;

/// <summary>What a Direct Line token binds: one user of one tenant (as signed in when the token was made) to one conversation.</summary>
public sealed record DirectLineGrant(
    [property: JsonPropertyName("t")] string TenantId,
    [property: JsonPropertyName("u")] string UserName,
    [property: JsonPropertyName("e")] string? EmployeeId,
    [property: JsonPropertyName("c")] string ConversationId)
{
    public ChatUser User => new(TenantId, UserName, EmployeeId);
}
