using System.ComponentModel.DataAnnotations;

namespace Pulse.Bot.DirectLine;

/// <summary>The Direct Line channel's settings (section <c>Pulse:Bot:DirectLine</c>). Validated at start.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "Pulse:Bot:DirectLine";

    /// <summary>How long a token is good for. Web Chat refreshes its token every 15 minutes, so keep this longer than that.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest a bot turn may take; past it the user gets an apology instead of an answer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
