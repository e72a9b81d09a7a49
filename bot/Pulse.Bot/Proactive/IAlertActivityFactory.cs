using Pulse.Bot.Activities;
using Pulse.Chat;
using Pulse.Live;

namespace Pulse.Bot.Proactive;

/// <summary>How an alert crossing reads in chat, for the employee it concerns or for one of their managers, in their language.</summary>
public interface IAlertActivityFactory
{
    Task<Activity> CreateAsync(LiveAlert alert, ChatUser recipient, string locale, CancellationToken cancellationToken);
}
