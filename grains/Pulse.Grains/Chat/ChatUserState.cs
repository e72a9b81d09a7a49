using Pulse.Live;
using Pulse.Reviews;

namespace Pulse.Chat;

/// <summary>
/// A user's chat presence as stored. Every list is bounded (<see cref="ChatUserGrain"/> trims it), newest last.
/// </summary>
[GenerateSerializer, Alias("pulse.chat-user-state")]
public sealed class ChatUserState
{
    [Id(0)] public List<OpenConversation> Conversations { get; set; } = [];

    /// <summary>Alerts that arrived while no conversation was open.</summary>
    [Id(1)] public List<LiveAlert> Held { get; set; } = [];

    /// <summary>Keys of the crossings (<see cref="CrossingKey"/>) and review notices (<see cref="ReviewNotice.Key"/>) already offered, so a second offer delivers nothing.</summary>
    [Id(2)] public List<string> Seen { get; set; } = [];

    /// <summary>Muted alert types (indicator ids).</summary>
    [Id(3)] public List<string> Muted { get; set; } = [];

    [Id(4)] public string? Locale { get; set; }

    /// <summary>Review notices that arrived while no conversation was open.</summary>
    [Id(5)] public List<ReviewNotice> HeldNotices { get; set; } = [];

    /// <summary>One-to-one Bot Connector conversations the user wrote in, by reference, for notices the bot starts there.</summary>
    [Id(6)] public List<OpenChannelConversation> Channels { get; set; } = [];
}
