using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pulse.Bot.Activities;
using Pulse.Chat;

namespace Pulse.Bot.DirectLine;

/// <summary>The channel's answers: JSON in the Bot Framework's conventions, refusals in Direct Line's error shape.</summary>
public static class DirectLineResults
{
    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, BotJson.Options, "application/json", status);

    public static IResult Error(int status, string code, string message) =>
        Json(new DirectLineError(new DirectLineErrorDetail(code, message)), status);

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TokenExpired() => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is expired or not valid; get a new one.");

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "NotFound", "Conversation not found.");

    /// <summary>An ActivitySet (<c>{"activities":[…],"watermark":"n"}</c>), the stamped activities written as they are.</summary>
    public static IResult Activities(TranscriptPage page) => TypedResults.Bytes(ActivitySetBytes(page), "application/json");

    public static byte[] ActivitySetBytes(TranscriptPage page)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            // The conversation grain wrote these from parsed JSON: they are valid as they are.
            foreach (var activity in page.Activities) writer.WriteRawValue(activity, skipInputValidation: true);
            writer.WriteEndArray();
            writer.WriteString("watermark", page.Watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
