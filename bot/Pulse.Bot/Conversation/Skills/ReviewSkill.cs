using System.Text;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Grains;
using Pulse.Reviews;
using Pulse.Services;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>
/// The monthly review in chat, through the same review services as the API, as the turn's caller: my result (always
/// the caller's own: the chat names no one else's), acknowledge it or object to it once (the service records and
/// audits the answer and tells HR of an objection), and for managers and HR who in their scope still waits for
/// ratings. Without a month named, the result is the newest published one of the last few months, and the ratings are
/// those of the newest cycle still being rated.
/// </summary>
public static class ReviewSkill
{
    /// <summary>How many months back "my review result" looks for a published result.</summary>
    public const int MonthsBack = 3;

    private const int MaxNames = 20;

    public static async Task<Activity> ResultAsync(TurnContext context, Intent intent)
    {
        var zh = context.Zh;
        if (context.EmployeeId is not { } employeeId) return NoEmployee(context);
        var review = await FindAsync(context, employeeId, intent.Period);
        if (review is null)
        {
            return Reply.Text(zh, context.Say(
                    intent.Period is { } p ? $"没有找到你 {p} 的考核。" : "最近几个月还没有你的考核。",
                    intent.Period is { } q ? $"There is no review of yours for {q}." : "There is no review of yours in the last few months."),
                Suggestions.Usual(context));
        }
        if (!review.Published) return NotPublished(context, review.Period);
        return ReviewCard.For(review, zh, review.Response is null
            ? [Suggestions.Acknowledge(zh), Suggestions.Object(zh), Suggestions.MyProgress(zh)]
            : Suggestions.Usual(context));
    }

    public static async Task<Activity> RespondAsync(TurnContext context, Intent intent)
    {
        var zh = context.Zh;
        if (context.EmployeeId is not { } employeeId) return NoEmployee(context);
        var objecting = intent.Kind == IntentKind.Object;
        if (objecting && string.IsNullOrWhiteSpace(intent.Reason))
        {
            return Reply.Text(zh, context.Say("申诉需要写明理由,请这样发送:申诉: 你的理由(例如:申诉: 团队协作评分没有考虑我带教新人的工作)",
                    "An objection needs a reason. Send it like this: object: your reason (for example: object: my teamwork rating leaves out the onboarding I led)"),
                [Suggestions.MyReview(zh), Suggestions.Help(zh)]);
        }
        var review = await FindAsync(context, employeeId, intent.Period);
        if (review is null || !review.Published) return review is null ? NothingToAnswer(context) : NotPublished(context, review.Period);

        var input = new ReviewResponseInput(objecting ? ReviewResponseKind.Object : ReviewResponseKind.Acknowledge, objecting ? intent.Reason : null);
        var answer = await context.Grains.GetGrain<IPersonalReviewGrain>(context.Caller.TenantId).RespondAsync(context.Caller, review.Period, employeeId, input);
        return answer.Status switch
        {
            AnswerStatus.Ok when objecting => Reply.Text(zh, context.Say($"已提交你对 {review.Period} 考核结果的申诉,HR 会处理。理由:{intent.Reason}",
                    $"Your objection to the {review.Period} result is sent to HR. Reason: {intent.Reason}"), Suggestions.Usual(context, Suggestions.MyReview(zh))),
            AnswerStatus.Ok => Reply.Text(zh, context.Say($"已确认你 {review.Period} 的考核结果。", $"You acknowledged your {review.Period} review result."),
                Suggestions.Usual(context, Suggestions.MyReview(zh))),
            AnswerStatus.Conflict => Reply.Text(zh, review.Response is { } given
                    ? context.Say($"你已经{ReviewCard.Answered(given.Kind, zh)} {review.Period} 的结果;每个结果只能答复一次。",
                        $"Your {review.Period} result is already answered ({ReviewCard.Answered(given.Kind, zh)}); a result is answered once.")
                    : context.Say("这个结果现在不能答复。", "This result cannot be answered now."),
                Suggestions.Usual(context, Suggestions.MyReview(zh))),
            AnswerStatus.Invalid => Reply.Text(zh, context.Say($"没有提交:{Problem(answer)}", $"Not sent: {Problem(answer)}"), [Suggestions.MyReview(zh), Suggestions.Help(zh)]),
            _ => NothingToAnswer(context),
        };
    }

    public static async Task<Activity> WhoToRateAsync(TurnContext context, Intent intent)
    {
        var zh = context.Zh;
        if (!context.Leads)
        {
            return Reply.Text(zh, context.Say("评分进度只对经理和 HR 开放。你可以问“我的考核结果”。",
                "Rating progress is for managers and HR. You can ask \"My review result\"."), Suggestions.Usual(context));
        }
        var reviews = context.Grains.GetGrain<IReviewGrain>(context.Caller.TenantId);
        CycleView? cycle = null;
        foreach (var period in intent.Period is { } named ? [named] : new[] { PeriodParser.Shift(context.Today, -1), context.CurrentPeriod })
        {
            var answer = await reviews.GetCycleAsync(context.Caller, period);
            if (answer is not { Status: AnswerStatus.Ok, Value: { } view }) continue;
            cycle ??= view;
            if (view.Status is CycleStatus.Open or CycleStatus.Rating) { cycle = view; break; }
        }
        if (cycle is null)
        {
            return Reply.Text(zh, context.Say("现在没有进行中的考核。", "No review cycle is being rated now."), Suggestions.Usual(context));
        }
        var missing = cycle.MissingRatings;
        var reply = missing.Length == 0
            ? Reply.Text(zh, context.Say($"{cycle.Period} 考核:你范围内的人都已评分。", $"{cycle.Period} review: everyone in your scope is rated."), Suggestions.Usual(context))
            : Reply.Text(zh, Missing(context, cycle, missing), Suggestions.Usual(context));
        return Reply.WithLink(reply, Suggestions.ReviewPage(zh, cycle.Period));
    }

    private static string Missing(TurnContext context, CycleView cycle, MissingRating[] missing)
    {
        var zh = context.Zh;
        var text = new StringBuilder(context.Say(
            $"{cycle.Period} 考核还有 {missing.Length} 人等待评分(截止 {TimeZoneInfo.ConvertTime(cycle.FreezesAt, context.Index.TimeZone):yyyy-MM-dd HH:mm}):",
            $"{cycle.Period} review: {missing.Length} {(missing.Length == 1 ? "person still waits" : "people still wait")} for ratings (deadline {TimeZoneInfo.ConvertTime(cycle.FreezesAt, context.Index.TimeZone):yyyy-MM-dd HH:mm}):"));
        foreach (var person in missing.Take(MaxNames))
        {
            var department = context.Index.Departments.GetValueOrDefault(person.DepartmentId, person.DepartmentId);
            text.Append("\n· ").Append(zh ? $"{person.Name}({person.EmployeeId}),{department}" : $"{person.Name} ({person.EmployeeId}), {department}");
            // Nobody is above them in the organisation: HR rates them, and the list says so.
            if (person.RatedByHr) text.Append(context.Say(",由人力资源评分", ", rated by HR"));
        }
        if (missing.Length > MaxNames) text.Append('\n').Append(context.Say($"……另有 {missing.Length - MaxNames} 人", $"… and {missing.Length - MaxNames} more"));
        return text.ToString();
    }

    /// <summary>The named month's review, or the newest published one of the last months, else the newest there is.</summary>
    private static async Task<EmployeeReview?> FindAsync(TurnContext context, string employeeId, string? period)
    {
        var grain = context.Grains.GetGrain<IPersonalReviewGrain>(context.Caller.TenantId);
        if (period is not null)
        {
            var answer = await grain.GetReviewAsync(context.Caller, period, employeeId);
            return answer.Status == AnswerStatus.Ok ? answer.Value : null;
        }
        EmployeeReview? newest = null;
        for (var back = 1; back <= MonthsBack; back++)
        {
            var answer = await grain.GetReviewAsync(context.Caller, PeriodParser.Shift(context.Today, -back), employeeId);
            if (answer is not { Status: AnswerStatus.Ok, Value: { } review }) continue;
            if (review.Published) return review;
            newest ??= review;
        }
        return newest;
    }

    private static string Problem<T>(Answer<T> answer) =>
        answer.Errors is { Length: > 0 } errors ? string.Join("; ", errors.Select(e => e.Reason)) : answer.Detail ?? "";

    private static Activity NotPublished(TurnContext context, string period) =>
        Reply.Text(context.Zh, context.Say($"你 {period} 的考核结果还没有发布;发布后我会通知你。", $"Your {period} review result is not published yet; I will tell you when it is."),
            Suggestions.Usual(context, Suggestions.MyProgress(context.Zh)));

    private static Activity NothingToAnswer(TurnContext context) =>
        Reply.Text(context.Zh, context.Say("没有可以答复的考核结果。", "There is no published result to answer."), Suggestions.Usual(context, Suggestions.MyReview(context.Zh)));

    private static Activity NoEmployee(TurnContext context) =>
        Reply.Text(context.Zh, context.Say("你的账号没有关联员工档案,所以没有个人考核。", "Your account has no employee record, so there is no personal review."),
            Suggestions.Usual(context));
}
