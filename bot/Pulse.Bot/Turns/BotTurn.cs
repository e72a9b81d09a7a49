using Pulse.Bot.Activities;
using Pulse.Chat;
using Pulse.Security;

namespace Pulse.Bot.Turns;

/// <summary>
/// One turn of a conversation as the channel hands it to the bot. <see cref="User"/> is who the channel's credential
/// says is talking (never the activity's <c>from</c>); <see cref="Caller"/> is that user as the access policy judges
/// them now, the caller every read and write of the turn presents. <see cref="Incoming"/> is the echoed user activity
/// (its id is what replies answer); on a conversation's start it is a <c>conversationUpdate</c> carrying the locale.
/// </summary>
public sealed record BotTurn(
    ChatUser User,
    Caller Caller,
    string ConversationId,
    Activity Incoming,
    string? DialogState);
