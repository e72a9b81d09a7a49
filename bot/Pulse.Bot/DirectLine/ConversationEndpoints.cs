using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Orleans;
using Pulse.Grains;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// <c>POST /conversations</c> opens the token's conversation and starts it (welcome, held alerts);
/// <c>GET /conversations/{id}</c> is the stream's reconnect. Both answer a fresh token and the stream's address.
/// </summary>
public static partial class ConversationEndpoints
{
    public static async Task<IResult> StartAsync(HttpRequest request, DirectLineTokens tokens, IGrainFactory grains, ConversationStarter starter, CancellationToken cancellationToken)
    {
        var token = DirectLineRequest.BearerToken(request);
        if (string.IsNullOrEmpty(token)) return DirectLineResults.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "A Direct Line token is needed.");
        if (tokens.Read(token) is not { } grant) return DirectLineResults.TokenExpired();
        var body = await DirectLineRequest.ReadJsonAsync(request, optional: true, cancellationToken);
        if (body.Problem is { } problem) return DirectLineResults.BadArgument(problem);
        var locale = body.Json is { } json ? Locale(JsonNode.Parse(json.Span)?["locale"]) : null;

        var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.For(grant.TenantId, grant.ConversationId));
        var owner = await conversation.GetOwnerAsync();
        if (owner is not null && owner.UserName != grant.UserName) return DirectLineResults.Forbidden("The conversation is another user's.");
        if (await grains.GetGrain<IAccessPolicyGrain>(grant.TenantId).ResolveAsync(TokenEndpoints.UserCaller(grant)) is not { } caller)
            return DirectLineResults.Forbidden("The account is disabled.");
        if (!await conversation.OpenAsync(grant.User)) return DirectLineResults.Forbidden("The conversation is another user's.");
        if (owner is null) await starter.StartAsync(grant.User, caller, grant.ConversationId, locale, cancellationToken);

        return DirectLineResults.Json(Answer(request, tokens, grant, "-"), owner is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, ConversationAccess access)
    {
        var allowed = await access.CheckAsync(DirectLineRequest.BearerToken(request), conversationId);
        if (allowed.Grant is not { } grant) return allowed.Refusal!;
        var from = string.IsNullOrEmpty(watermark) ? "-" : DirectLineRequest.Watermark(watermark).ToString(CultureInfo.InvariantCulture);
        return DirectLineResults.Json(Answer(request, tokens, grant, from));
    }

    private static ConversationAnswer Answer(HttpRequest request, DirectLineTokens tokens, DirectLineGrant grant, string watermark)
    {
        var issued = tokens.Issue(grant);
        return new ConversationAnswer(grant.ConversationId, issued.Token, issued.ExpiresIn, StreamUrl(request, grant.ConversationId, watermark, issued.Token));
    }

    /// <summary>An absolute ws:// or wss:// address on the host the client reached; older browsers refuse anything else in <c>new WebSocket()</c>.</summary>
    public static string StreamUrl(HttpRequest request, string conversationId, string watermark, string token) =>
        $"{(request.IsHttps ? "wss" : "ws")}://{request.Host.Value}{request.PathBase}{DirectLineSetup.Path}/conversations/{Uri.EscapeDataString(conversationId)}/stream" +
        $"?watermark={Uri.EscapeDataString(watermark)}&t={Uri.EscapeDataString(token)}";

    /// <summary>The start's locale when it is a language tag; anything else is ignored (the bot then uses the tenant's).</summary>
    private static string? Locale(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var locale) && LanguageTag().IsMatch(locale) ? locale : null;

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$")]
    private static partial Regex LanguageTag();
}
