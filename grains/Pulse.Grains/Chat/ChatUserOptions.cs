using System.ComponentModel.DataAnnotations;

namespace Pulse.Chat;

/// <summary>How long a chat conversation counts as open for alerts (section <c>Pulse:Bot:Alerts</c>). Validated at start.</summary>
public sealed class ChatUserOptions
{
    public const string Section = "Pulse:Bot:Alerts";

    /// <summary>
    /// A conversation used (a message posted, its stream connected) within this many minutes gets alerts at once;
    /// after that the user counts as offline and alerts are held until they open a conversation again.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int OpenConversationMinutes { get; set; } = 30;

    public TimeSpan OpenWindow => TimeSpan.FromMinutes(OpenConversationMinutes);
}
