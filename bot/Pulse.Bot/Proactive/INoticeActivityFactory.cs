using Pulse.Bot.Activities;
using Pulse.Chat;

namespace Pulse.Bot.Proactive;

/// <summary>How a notice (an alert crossing, a review notice) reads in chat for one recipient, in their language.</summary>
public interface INoticeActivityFactory
{
    Task<Activity> CreateAsync(IChatNotice notice, NoticeRecipient recipient, string locale, CancellationToken cancellationToken);
}
