using Microsoft.AspNetCore.Http;
using Pulse.Grains;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// Who may use a conversation: the holder of a valid token bound to exactly that conversation, and only while the
/// conversation belongs to the token's user. The conversation is looked up in the token's tenant, so a token of one
/// tenant never reaches another's conversations.
/// </summary>
public sealed class ConversationAccess(DirectLineTokens tokens, IGrainFactory grains)
{
    public async Task<Access> CheckAsync(string? token, string conversationId)
    {
        if (string.IsNullOrEmpty(token)) return Access.Refused(DirectLineResults.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "A Direct Line token is needed."));
        if (tokens.Read(token) is not { } grant) return Access.Refused(DirectLineResults.TokenExpired());
        if (grant.ConversationId != conversationId) return Access.Refused(DirectLineResults.Forbidden("The token is for another conversation."));
        var owner = await Conversation(grant).GetOwnerAsync();
        if (owner is null) return Access.Refused(DirectLineResults.NotFound());
        if (owner.UserName != grant.UserName) return Access.Refused(DirectLineResults.Forbidden("The conversation is another user's."));
        return new Access(grant, null);
    }

    public IConversationGrain Conversation(DirectLineGrant grant) =>
        grains.GetGrain<IConversationGrain>(GrainKeys.For(grant.TenantId, grant.ConversationId));
}
