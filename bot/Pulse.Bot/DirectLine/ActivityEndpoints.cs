using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans;
using Pulse.Bot.Activities;
using Pulse.Chat;
using Pulse.Grains;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// <c>GET /conversations/{id}/activities</c> (polling) and <c>POST /conversations/{id}/activities</c> (the user sends).
/// </summary>
public static partial class ActivityEndpoints
{
    private const int MaxTypeLength = 64;

    /// <summary>
    /// The activities after the watermark. Once the caller is allowed, the answer is always 200: Web Chat stops polling
    /// for good on any other status, so a failure behind it answers "nothing new" and the next poll tries again.
    /// </summary>
    public static async Task<IResult> ReadAsync(string conversationId, string? watermark, HttpRequest request, ConversationAccess access, ILoggerFactory loggers)
    {
        var from = DirectLineRequest.Watermark(watermark);
        try
        {
            var allowed = await access.CheckAsync(DirectLineRequest.BearerToken(request), conversationId);
            if (allowed.Grant is not { } grant) return allowed.Refusal!;
            return DirectLineResults.Activities(await access.Conversation(grant).ReadAsync(from));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogReadFailed(loggers.CreateLogger(typeof(ActivityEndpoints)), e);
            return DirectLineResults.Activities(new TranscriptPage([], from));
        }
    }

    /// <summary>
    /// Echoes the activity into the conversation as the token's user (whatever <c>from</c> it claimed; its
    /// <c>channelData</c>, with Web Chat's <c>clientActivityID</c>, unchanged), answers its id at once, and leaves the
    /// bot's answer to a background turn, whose replies the conversation keeps in the same write as the echo.
    /// </summary>
    public static async Task<IResult> SendAsync(
        string conversationId,
        HttpRequest request,
        ConversationAccess access,
        IGrainFactory grains,
        TurnLanes lanes,
        TurnRunner turns,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(DirectLineRequest.BearerToken(request), conversationId);
        if (allowed.Grant is not { } grant) return allowed.Refusal!;
        var body = await DirectLineRequest.ReadJsonAsync(request, optional: false, cancellationToken);
        if (body.Problem is { } problem) return DirectLineResults.BadArgument(problem);
        if (Parse(body.Json!.Value) is not { } activity) return DirectLineResults.BadArgument("The body is not an activity.");
        if (activity.Type.Length is 0 or > MaxTypeLength) return DirectLineResults.BadArgument($"The activity's type must be 1 to {MaxTypeLength} characters.");

        if (await grains.GetGrain<IAccessPolicyGrain>(grant.TenantId).ResolveAsync(TokenEndpoints.UserCaller(grant)) is not { } caller)
            return DirectLineResults.Forbidden("The account is disabled.");
        var lane = GrainKeys.For(grant.TenantId, grant.ConversationId);
        if (!lanes.TryEnter(lane))
            return DirectLineResults.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many activities are waiting for the bot; slow down.");

        var user = grant.User;
        Echo(activity, user);
        AppendedActivities appended;
        try
        {
            // Held by the conversation until the bot's replies are written with it (one write per turn); its id now.
            appended = await access.Conversation(grant).PostAsync(BotJson.Serialize(activity));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lanes.Leave(lane);
            LogEchoFailed(loggers.CreateLogger(typeof(ActivityEndpoints)), e);
            // A 5xx makes Web Chat wait for the echo and then offer "Retry": the right outcome for a passing failure.
            return DirectLineResults.Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "The activity could not be kept; retry.");
        }

        activity.Id = appended.Ids[0];
        activity.ChannelId = "directline";
        activity.Conversation = new ConversationAccount(grant.ConversationId);
        _ = turns.Queue(lane, user, caller, grant.ConversationId, activity);
        return DirectLineResults.Json(new ResourceResponse(appended.Ids[0]));
    }

    /// <summary>The activity as the conversation keeps it: from the token's user to the bot; the conversation stamps id, time, conversation and channel.</summary>
    private static void Echo(Activity activity, ChatUser user)
    {
        activity.From = ChatAccounts.User(user);
        activity.Recipient = ChatAccounts.Bot;
        activity.Id = null;
        activity.Timestamp = null;
        activity.ReplyToId = null;
        activity.ServiceUrl = null;
    }

    private static Activity? Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<Activity>(json.Span, BotJson.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading a conversation for a poll failed; the poll is answered with nothing new")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending a user's activity to its conversation failed")]
    private static partial void LogEchoFailed(ILogger logger, Exception exception);
}
