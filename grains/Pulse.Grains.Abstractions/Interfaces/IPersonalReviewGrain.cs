using Pulse.Reviews;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>
/// One person's review as one caller may see and change it, for the API, the dashboard and the chat bot alike: an
/// employee reads their own, self-assesses and responds to the published result; a manager reads and rates the people
/// of the departments they manage (never themself); HR reads anyone's. Periods are <c>yyyy-MM</c>. Keyed by tenant id;
/// a stateless worker.
/// </summary>
[Alias("pulse.grain.personal-review")]
public interface IPersonalReviewGrain : IGrainWithStringKey
{
    [Alias("review")]
    Task<Answer<EmployeeReview>> GetReviewAsync(Caller caller, string period, string employeeId);

    /// <summary>The employee's own assessment, once, before the cycle is calibrated.</summary>
    [Alias("self-assess")]
    Task<Answer<EmployeeReview>> SelfAssessAsync(Caller caller, string period, string employeeId, SelfAssessmentInput assessment);

    /// <summary>A manager's ratings of rated indicators (each with a comment); a rating may be changed until the cycle is calibrated.</summary>
    [Alias("rate")]
    Task<Answer<EmployeeReview>> RateAsync(Caller caller, string period, string employeeId, RatingInput[] ratings);

    /// <summary>The employee's one answer to their published result; an objection goes to HR.</summary>
    [Alias("respond")]
    Task<Answer<EmployeeReview>> RespondAsync(Caller caller, string period, string employeeId, ReviewResponseInput response);

    /// <summary>HR's list of the period's published results their employee objected to, oldest objection first.</summary>
    [Alias("objections")]
    Task<Answer<EmployeeReview[]>> GetObjectionsAsync(Caller caller, string period);
}
