using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulse.Bot.Activities;

/// <summary>
/// The Bot Framework's JSON: camelCase, nulls left out (Web Chat turns nulls into undefined anyway, and a missing
/// field is what the protocol documents).
/// </summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static Activity? Deserialize(string json) => JsonSerializer.Deserialize<Activity>(json, Options);
}
