using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;

namespace Pulse.Bot.Connector;

/// <summary>
/// <c>POST /api/messages</c>: authenticates the connector's call, reads and checks the activity, queues its turn and
/// answers 202 at once; the replies go to the activity's serviceUrl later (<see cref="ConnectorTurns"/>).
/// </summary>
public static class ConnectorEndpoint
{
    /// <summary>Largest activity accepted; a chat message with a card is a few kilobytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private const int MaxFieldLength = 512;

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        ConnectorAuthenticator authenticator,
        ConnectorInbox inbox,
        IOptions<ConnectorOptions> options,
        CancellationToken cancellationToken)
    {
        var validate = options.Value.ValidateAuthentication;
        var token = validate ? await authenticator.AuthenticateAsync(request.Headers.Authorization, cancellationToken) : null;
        if (validate && token is null) return Unauthorized();

        if (request.ContentLength > MaxBodyBytes) return TooLarge();
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null) return TooLarge();
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException e)
        {
            return Invalid(e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", "is not a valid activity: malformed JSON or a field of the wrong type");
        }
        if (activity is null) return Invalid("body", "must be an activity object");
        if (Check(activity) is { } error) return Invalid(error.Item, error.Reason);
        if (token is not null && !ConnectorAuthenticator.ServiceUrlMatches(token, activity.ServiceUrl)) return Unauthorized();

        var vouched = token is not null ? ConnectorAuthenticator.ServiceUrlNamed(token, activity.ServiceUrl) : ConnectorHttp.IsLoopback(activity.ServiceUrl);
        return inbox.TryAccept(new AcceptedActivity(activity, vouched))
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(detail: "Too many activities are waiting; retry shortly.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy.");
    }

    private static (string Item, string Reason)? Check(Activity a)
    {
        if (string.IsNullOrWhiteSpace(a.Type)) return ("type", "is required");
        if (string.IsNullOrWhiteSpace(a.ChannelId)) return ("channelId", "is required");
        if (string.IsNullOrWhiteSpace(a.From?.Id)) return ("from.id", "is required");
        if (string.IsNullOrWhiteSpace(a.Conversation?.Id)) return ("conversation.id", "is required");
        if (!Uri.TryCreate(a.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return ("serviceUrl", "must be an absolute http(s) URL");
        }
        foreach (var (item, value) in new[] { ("type", a.Type), ("channelId", a.ChannelId), ("from.id", a.From!.Id), ("conversation.id", a.Conversation!.Id), ("serviceUrl", a.ServiceUrl), ("id", a.Id) })
        {
            if (value is { Length: > MaxFieldLength }) return (item, $"must be at most {MaxFieldLength} characters");
        }
        if (a.Text is { Length: > 10_000 }) return ("text", "must be at most 10000 characters");
        return null;
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ValidationProblem Invalid(string item, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [item] = [reason] }, title: "The activity is not valid.");

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(detail: "The call does not carry a valid Bot Connector token.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.");

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(detail: $"An activity is at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large.");
}
