using System.Globalization;
using Orleans;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;
using Pulse.Bot.Conversation.Skills;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Grains;
using Pulse.Reviews;
using Pulse.Services;

namespace Pulse.Bot.Proactive;

/// <summary>
/// How a review notice reads in chat: to a manager, how many people to rate and by when (in the tenant's zone), with
/// "who still needs rating" and a link to the review page; to an employee, their published result as the review
/// service shows it to them (read as the recipient, so the access policy decides), with acknowledge and object; to HR,
/// who objected and why, with a link to the review page.
/// </summary>
public sealed class ReviewNoticeActivityFactory(IGrainFactory grains, OrgIndexCache indexes)
{
    public const string Name = "pulse/review";

    public async Task<Activity> CreateAsync(ReviewNotice notice, NoticeRecipient recipient, string locale, CancellationToken cancellationToken)
    {
        var zh = !locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var activity = notice.Kind switch
        {
            ReviewNoticeKind.CycleOpened => Reply.WithLink(Reply.Text(zh, zh
                    ? $"📋 {notice.Period} 月度考核已开始:你需要为 {notice.Count} 人评分,请在 {await DueAsync(notice)} 前完成。"
                    : $"📋 The {notice.Period} review is open: you have {notice.Count} {People(notice.Count)} to rate before {await DueAsync(notice)}.",
                    [Suggestions.WhoToRate(zh), Suggestions.Help(zh)]), Suggestions.ReviewPage(zh, notice.Period)),
            ReviewNoticeKind.RatingsDue => Reply.WithLink(Reply.Text(zh, zh
                    ? $"⏰ 提醒:{notice.Period} 考核还有 {notice.Count} 人等你评分,{await DueAsync(notice)} 截止。"
                    : $"⏰ Reminder: {notice.Count} {People(notice.Count)} still wait for your ratings for {notice.Period}; the deadline is {await DueAsync(notice)}.",
                    [Suggestions.WhoToRate(zh), Suggestions.Help(zh)]), Suggestions.ReviewPage(zh, notice.Period)),
            ReviewNoticeKind.ResultPublished => await ResultAsync(notice, recipient, zh),
            _ => Reply.WithLink(Reply.Text(zh, zh
                    ? $"📮 {notice.EmployeeName}({notice.EmployeeId})对 {notice.Period} 考核结果提出申诉:{notice.Text}"
                    : $"📮 {notice.EmployeeName} ({notice.EmployeeId}) objected to their {notice.Period} review result: {notice.Text}",
                    [Suggestions.Help(zh)]), Suggestions.ReviewPage(zh, notice.Period)),
        };
        activity.Name = Name;
        return activity;
    }

    /// <summary>The result as the employee sees it; if it cannot be read as them now (no longer published, account changed), only that it is out.</summary>
    private async Task<Activity> ResultAsync(ReviewNotice notice, NoticeRecipient recipient, bool zh)
    {
        var answer = await grains.GetGrain<IPersonalReviewGrain>(notice.TenantId).GetReviewAsync(recipient.Caller, notice.Period, notice.EmployeeId);
        string[] next = [Suggestions.Acknowledge(zh), Suggestions.Object(zh), Suggestions.MyReview(zh)];
        if (answer is { Status: AnswerStatus.Ok, Value: { Published: true } review })
        {
            var lead = zh ? $"🎯 你的 {notice.Period} 考核结果已发布。\n" : $"🎯 Your {notice.Period} review result is out.\n";
            var card = ReviewCard.For(review, zh, review.Response is null ? next : [Suggestions.MyReview(zh), Suggestions.Help(zh)]);
            card.Text = lead + card.Text;
            return card;
        }
        return Reply.Text(zh, zh ? $"🎯 你的 {notice.Period} 考核结果已发布,问“我的考核结果”查看。" : $"🎯 Your {notice.Period} review result is out; ask \"My review result\" to see it.", next);
    }

    /// <summary>The freeze in the tenant's time zone, to the minute.</summary>
    private async Task<string> DueAsync(ReviewNotice notice)
    {
        if (notice.Due is not { } due) return "—";
        var rules = await grains.GetGrain<ITenantGrain>(notice.TenantId).GetRulesAsync();
        var zone = rules is null ? TimeZoneInfo.Utc : indexes.For(rules).TimeZone;
        return TimeZoneInfo.ConvertTime(due, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static string People(int count) => count == 1 ? "person" : "people";
}
