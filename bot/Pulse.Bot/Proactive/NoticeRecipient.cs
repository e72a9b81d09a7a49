using Pulse.Chat;
using Pulse.Security;

namespace Pulse.Bot.Proactive;

/// <summary>Someone a notice may go to: the chat user, and the caller the access policy judges them as.</summary>
public sealed record NoticeRecipient(ChatUser User, Caller Caller);
