using Pulse.Bot.Activities;
using Pulse.Chat;

namespace Pulse.Bot.DirectLine;

/// <summary>The two parties of a Direct Line conversation as activities name them.</summary>
public static class ChatAccounts
{
    public static readonly ChannelAccount Bot = new("bot", "Pulse", "bot");

    /// <summary>The user as their token says, whatever the activity claimed.</summary>
    public static ChannelAccount User(ChatUser user) => new(user.UserName, user.UserName, "user");
}
