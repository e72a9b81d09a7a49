using Orleans.Concurrency;
using Pulse.Grains;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Reviews;

/// <summary>The door to <see cref="PersonalReviewService"/> for the dashboard hub and the chat bot, as the feedback grain is to its service.</summary>
[StatelessWorker]
public sealed class PersonalReviewGrain(CallerResolver callers, PersonalReviewService service) : Grain, IPersonalReviewGrain
{
    public async Task<Answer<EmployeeReview>> GetReviewAsync(Caller caller, string period, string employeeId) =>
        await ResolveAsync(caller) is { } context ? await service.GetAsync(context, period, employeeId) : Answers.Forbidden<EmployeeReview>();

    public async Task<Answer<EmployeeReview>> SelfAssessAsync(Caller caller, string period, string employeeId, SelfAssessmentInput assessment) =>
        await ResolveAsync(caller) is { } context ? await service.SelfAssessAsync(context, period, employeeId, assessment) : Answers.Forbidden<EmployeeReview>();

    public async Task<Answer<EmployeeReview>> RateAsync(Caller caller, string period, string employeeId, RatingInput[] ratings) =>
        await ResolveAsync(caller) is { } context ? await service.RateAsync(context, period, employeeId, ratings) : Answers.Forbidden<EmployeeReview>();

    public async Task<Answer<EmployeeReview>> RespondAsync(Caller caller, string period, string employeeId, ReviewResponseInput response) =>
        await ResolveAsync(caller) is { } context ? await service.RespondAsync(context, period, employeeId, response) : Answers.Forbidden<EmployeeReview>();

    public async Task<Answer<EmployeeReview[]>> GetObjectionsAsync(Caller caller, string period) =>
        await ResolveAsync(caller) is { } context ? await service.ObjectionsAsync(context, period) : Answers.Forbidden<EmployeeReview[]>();

    /// <summary>Null for a gone or disabled account, and for a caller of another tenant than this grain's.</summary>
    private async ValueTask<CallerContext?> ResolveAsync(Caller caller) =>
        caller.TenantId == this.GetPrimaryKeyString() ? await callers.ResolveAsync(caller) : null;
}
