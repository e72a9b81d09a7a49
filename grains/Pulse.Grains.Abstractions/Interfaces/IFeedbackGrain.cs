using Pulse.Feedback;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>
/// Feedback as one caller may give, read and answer it, for callers outside the silo's HTTP pipeline (the dashboard
/// hub, the chat bot): the same service and rules the API uses. Keyed by tenant id; a stateless worker.
/// </summary>
[Alias("pulse.grain.feedback")]
public interface IFeedbackGrain : IGrainWithStringKey
{
    /// <summary>A page of an employee's feedback, newest first; a null cursor is the newest page.</summary>
    [Alias("list")]
    Task<Answer<FeedbackPage>> ListAsync(Caller caller, string employeeId, string? cursor, int? limit);

    [Alias("give")]
    Task<Answer<FeedbackItem>> GiveAsync(Caller caller, string employeeId, NewFeedback feedback);

    [Alias("reply")]
    Task<Answer<FeedbackItem>> ReplyAsync(Caller caller, string employeeId, long feedbackId, NewFeedbackReply reply);
}
