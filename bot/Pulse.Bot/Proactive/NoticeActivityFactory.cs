using Pulse.Bot.Activities;
using Pulse.Chat;
using Pulse.Live;
using Pulse.Reviews;

namespace Pulse.Bot.Proactive;

/// <summary>Each kind of notice to the factory that writes it.</summary>
public sealed class NoticeActivityFactory(AlertActivityFactory alerts, ReviewNoticeActivityFactory reviews) : INoticeActivityFactory
{
    public Task<Activity> CreateAsync(IChatNotice notice, NoticeRecipient recipient, string locale, CancellationToken cancellationToken) => notice switch
    {
        LiveAlert alert => alerts.CreateAsync(alert, recipient.User, locale, cancellationToken),
        ReviewNotice review => reviews.CreateAsync(review, recipient, locale, cancellationToken),
        _ => throw new ArgumentException($"Unknown notice {notice.GetType().Name}.", nameof(notice)),
    };
}
