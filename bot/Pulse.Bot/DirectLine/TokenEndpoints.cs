using Microsoft.AspNetCore.Http;
using Orleans;
using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// <c>POST /tokens/generate</c> (a signed-in user of the site gets a token for a new conversation) and
/// <c>POST /tokens/refresh</c> (the holder of a valid token gets a new one with the same binding).
/// </summary>
public static class TokenEndpoints
{
    /// <summary>The optional body (<c>{user, locale}</c>) is read for well-formedness only: who the user is comes from their sign-in.</summary>
    public static async Task<IResult> GenerateAsync(HttpContext http, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        if (PulseClaims.ToCaller(http.User) is not { Kind: CallerKind.User } caller)
            return DirectLineResults.Forbidden("Only a signed-in user gets a Direct Line token.");
        var body = await DirectLineRequest.ReadJsonAsync(http.Request, optional: true, cancellationToken);
        if (body.Problem is { } problem) return DirectLineResults.BadArgument(problem);

        var grant = new DirectLineGrant(caller.TenantId, caller.Name, caller.EmployeeId, NewConversationId());
        var issued = tokens.Issue(grant);
        return DirectLineResults.Json(new TokenAnswer(grant.ConversationId, issued.Token, issued.ExpiresIn));
    }

    public static async Task<IResult> RefreshAsync(HttpRequest request, DirectLineTokens tokens, IGrainFactory grains)
    {
        if (tokens.Read(DirectLineRequest.BearerToken(request)) is not { } grant) return DirectLineResults.TokenExpired();
        // The account as it is now: a disabled one keeps no chat.
        if (await grains.GetGrain<IAccessPolicyGrain>(grant.TenantId).ResolveAsync(UserCaller(grant)) is null)
            return DirectLineResults.Forbidden("The account is disabled.");
        var issued = tokens.Issue(grant);
        return DirectLineResults.Json(new TokenAnswer(grant.ConversationId, issued.Token, issued.ExpiresIn));
    }

    /// <summary>The caller a grant presents to the access policy, which fills in the account's roles as they are now.</summary>
    public static Caller UserCaller(DirectLineGrant grant) => new(grant.TenantId, grant.UserName, CallerKind.User, [], grant.EmployeeId, []);

    // 122 random bits: a conversation id cannot be guessed, though a token is needed to use one anyway.
    private static string NewConversationId() => Guid.NewGuid().ToString("N");
}
