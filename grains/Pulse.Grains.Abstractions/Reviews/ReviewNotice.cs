using Pulse.Chat;

namespace Pulse.Reviews;

/// <summary>
/// A review event for chat, as the live feed carries it. <see cref="EmployeeId"/> is whom it is for (the manager who
/// rates, the employee whose result is out; <see cref="Hr"/> for HR, who rate the people nobody is above) or, for an
/// objection, who objected; <see cref="Count"/> the people to rate;
/// <see cref="Due"/> when the values freeze; <see cref="Text"/> an objection's reason (the user's words, never logged).
/// It carries no result: the bot reads that through the review service as the recipient, so the access policy decides.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.notice")]
public sealed record ReviewNotice(
    [property: Id(0)] string TenantId,
    [property: Id(1)] ReviewNoticeKind Kind,
    [property: Id(2)] string Period,
    [property: Id(3)] int Revision,
    [property: Id(4)] string EmployeeId,
    [property: Id(5)] string EmployeeName,
    [property: Id(6)] int Count,
    [property: Id(7)] DateTimeOffset? Due,
    [property: Id(8)] string? Text) : IChatNotice
{
    /// <summary>The <see cref="EmployeeId"/> of a notice to HR about the people they rate: no employee id is empty.</summary>
    public const string Hr = "";

    /// <summary>What makes the notice itself: every relay offers it, the user's chat presence delivers it once.</summary>
    public string Key => string.Join('\u001f', "review", Kind.ToString(), Period, Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), EmployeeId);
}
