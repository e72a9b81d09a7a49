using Orleans.Concurrency;
using Pulse.Feedback;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>The door to <see cref="FeedbackService"/> for the dashboard hub and the chat bot, as <see cref="PerformanceGrain"/> is to the reader.</summary>
[StatelessWorker]
public sealed class FeedbackGrain(CallerResolver callers, FeedbackService service) : Grain, IFeedbackGrain
{
    public async Task<Answer<FeedbackPage>> ListAsync(Caller caller, string employeeId, string? cursor, int? limit) =>
        await ResolveAsync(caller) is { } context ? await service.ListAsync(context, employeeId, cursor, limit) : Answers.Forbidden<FeedbackPage>();

    public async Task<Answer<FeedbackItem>> GiveAsync(Caller caller, string employeeId, NewFeedback feedback) =>
        await ResolveAsync(caller) is { } context ? await service.GiveAsync(context, employeeId, feedback) : Answers.Forbidden<FeedbackItem>();

    public async Task<Answer<FeedbackItem>> ReplyAsync(Caller caller, string employeeId, long feedbackId, NewFeedbackReply reply) =>
        await ResolveAsync(caller) is { } context ? await service.ReplyAsync(context, employeeId, feedbackId, reply) : Answers.Forbidden<FeedbackItem>();

    /// <summary>Null for a gone or disabled account, and for a caller of another tenant than this grain's.</summary>
    private async ValueTask<CallerContext?> ResolveAsync(Caller caller) =>
        caller.TenantId == this.GetPrimaryKeyString() ? await callers.ResolveAsync(caller) : null;
}
