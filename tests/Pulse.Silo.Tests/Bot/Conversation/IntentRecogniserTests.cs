using Pulse.Bot.Conversation.Understanding;
using Pulse.Feedback;
using Pulse.Organisation;
using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests.Bot.Conversation;

public sealed class IntentRecogniserTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    internal static OrgIndex DemoIndex(params Employee[] extra)
    {
        var document = DemoCompany.Document(10);
        var templates = document.Templates!.Select(t => t with { Version = 1 }).ToArray();
        return OrgIndex.Build(new TenantRules(1, DemoCompany.Settings("demo"), document.EventTypes!, document.Departments!, [.. document.Employees!, .. extra], templates));
    }

    private static Intent Recognise(string message) => IntentRecogniser.Recognise(message, DemoIndex(), Today);

    [Theory]
    [InlineData("我的进度")]
    [InlineData("我这个月怎么样")]
    [InlineData("我的KPI")]
    [InlineData("how am I doing")]
    [InlineData("How am I doing?")]
    [InlineData("my progres")]
    [InlineData("show my performnce")]
    public void Progress_in_either_language_and_with_typos(string message) =>
        Assert.Equal(IntentKind.Progress, Recognise(message).Kind);

    [Theory]
    [InlineData("坏账率多少?", "bad-debt-rate")]
    [InlineData("坏帐率多少", "bad-debt-rate")]
    [InlineData("my 坏账率", "bad-debt-rate")]
    [InlineData("my bad debt", "bad-debt-rate")]
    [InlineData("what is my default rate", "bad-debt-rate")]
    [InlineData("my complaint rate", "complaint-rate")]
    [InlineData("my complant rate", "complaint-rate")]
    [InlineData("投诉率呢", "complaint-rate")]
    [InlineData("贷款完成了多少", "loan-volume")]
    [InlineData("loan volume", "loan-volume")]
    public void One_indicator_by_name_synonym_or_typo(string message, string indicatorId)
    {
        var intent = Recognise(message);
        Assert.Equal(IntentKind.Indicator, intent.Kind);
        Assert.Equal(indicatorId, intent.Indicators[0].Id);
    }

    [Theory]
    [InlineData("我的考核结果", IntentKind.ReviewResult, null)]
    [InlineData("上个月的考核", IntentKind.ReviewResult, "2026-11")]
    [InlineData("my review result", IntentKind.ReviewResult, null)]
    [InlineData("my reveiw for October", IntentKind.ReviewResult, "2026-10")]
    [InlineData("确认结果", IntentKind.Acknowledge, null)]
    [InlineData("acknowledge", IntentKind.Acknowledge, null)]
    [InlineData("Acknowlege my 2026-10 result", IntentKind.Acknowledge, "2026-10")]
    [InlineData("还有谁没评", IntentKind.WhoToRate, null)]
    [InlineData("who still needs rating?", IntentKind.WhoToRate, null)]
    [InlineData("2026-11 谁还没评分", IntentKind.WhoToRate, "2026-11")]
    public void The_review_questions_in_either_language(string message, IntentKind kind, string? period)
    {
        var intent = Recognise(message);
        Assert.Equal((kind, period), (intent.Kind, intent.Period));
    }

    [Theory]
    [InlineData("申诉: 团队协作评分偏低", null, "团队协作评分偏低")]
    [InlineData("申诉：给我反馈的方式不公平", null, "给我反馈的方式不公平")]
    [InlineData("申诉 2026-10: 数据缺了两笔", "2026-10", "数据缺了两笔")]
    [InlineData("object: the loan data misses two deals", null, "the loan data misses two deals")]
    [InlineData("Objection - wrong grade", null, "wrong grade")]
    [InlineData("申诉", null, "")]
    public void An_objection_with_its_reason_as_written(string message, string? period, string reason)
    {
        var intent = Recognise(message);
        Assert.Equal((IntentKind.Object, period, reason), (intent.Kind, intent.Period, intent.Reason));
    }

    [Theory]
    [InlineData("my objective this month")]
    [InlineData("how do I object?")]
    public void Objecting_words_that_do_not_begin_an_objection_are_not_one(string message) =>
        Assert.NotEqual(IntentKind.Object, Recognise(message).Kind);

    [Theory]
    [InlineData("还差多少达标")]
    [InlineData("How much is left?")]
    [InlineData("what remaining to reach target")]
    public void What_remains(string message) => Assert.Equal(IntentKind.Remaining, Recognise(message).Kind);

    [Theory]
    [InlineData("上个月的绩效", "2026-11")]
    [InlineData("my score in October", "2026-10")]
    [InlineData("my score in octobr", "2026-10")]
    [InlineData("2026-10", "2026-10")]
    [InlineData("2025年3月的绩效", "2025-03")]
    [InlineData("十月的绩效", "2026-10")]
    [InlineData("last month", "2026-11")]
    public void A_past_month_is_the_most_recent_such_month_not_in_the_future(string message, string period)
    {
        var intent = Recognise(message);
        Assert.Equal(IntentKind.PastMonth, intent.Kind);
        Assert.Equal(period, intent.Period);
    }

    [Fact]
    public void A_month_later_in_the_year_than_now_is_last_years() =>
        Assert.Equal("2025-12", IntentRecogniser.Recognise("my score in December", DemoIndex(), new DateOnly(2026, 11, 5)).Period);

    [Theory]
    [InlineData("我的团队")]
    [InlineData("谁有风险")]
    [InlineData("部门平均分")]
    [InlineData("my team")]
    [InlineData("who is at risk")]
    [InlineData("top performers")]
    public void Team(string message) => Assert.Equal(IntentKind.Team, Recognise(message).Kind);

    [Theory]
    [InlineData("我的预警")]
    [InlineData("my alerts")]
    [InlineData("my alrets")]
    public void Alerts(string message) => Assert.Equal(IntentKind.Alerts, Recognise(message).Kind);

    [Theory]
    [InlineData("静音坏账率预警", IntentKind.Mute)]
    [InlineData("mute bad debt alerts", IntentKind.Mute)]
    [InlineData("stop bad debt alerts", IntentKind.Mute)]
    [InlineData("取消静音坏账率预警", IntentKind.Unmute)]
    [InlineData("unmute bad debt alerts", IntentKind.Unmute)]
    public void Mute_and_unmute_name_the_indicator(string message, IntentKind kind)
    {
        var intent = Recognise(message);
        Assert.Equal(kind, intent.Kind);
        Assert.Equal("bad-debt-rate", intent.Indicators[0].Id);
    }

    [Theory]
    [InlineData("我收到的反馈")]
    [InlineData("我的反馈")]
    [InlineData("my feedback")]
    public void Feedback_received(string message) => Assert.Equal(IntentKind.FeedbackReceived, Recognise(message).Kind);

    [Theory]
    [InlineData("给张三反馈:最近客户投诉率上升,需改进服务话术", "张三", "最近客户投诉率上升,需改进服务话术", FeedbackKind.Improve)]
    [InlineData("给周敏一个表扬:本月放款做得很好", "周敏", "本月放款做得很好", FeedbackKind.Praise)]
    [InlineData("表扬 周敏 本月放款做得很好", "周敏", "本月放款做得很好", FeedbackKind.Praise)]
    [InlineData("praise B002 for closing the big loan", "B002", "closing the big loan", FeedbackKind.Praise)]
    [InlineData("give feedback to Zhou Min: Please call back the client", "Zhou Min", "Please call back the client", FeedbackKind.Note)]
    public void Give_feedback_keeps_whom_and_the_text_as_written(string message, string who, string text, FeedbackKind kind)
    {
        var intent = Recognise(message);
        Assert.Equal(IntentKind.GiveFeedback, intent.Kind);
        Assert.Equal(who, intent.Person);
        Assert.Equal(text, intent.FeedbackText);
        Assert.Equal(kind, intent.FeedbackKind);
    }

    [Fact]
    public void Praise_without_a_separator_finds_the_name_in_the_directory()
    {
        var intent = Recognise("表扬周敏本月放款做得很好");

        Assert.Equal(IntentKind.GiveFeedback, intent.Kind);
        Assert.Equal("B003", intent.Person);
        Assert.Equal("本月放款做得很好", intent.FeedbackText);
        Assert.Equal(FeedbackKind.Praise, intent.FeedbackKind);
    }

    [Theory]
    [InlineData("帮助")]
    [InlineData("help")]
    [InlineData("hi")]
    [InlineData("")]
    public void Help(string message) => Assert.Equal(IntentKind.Help, Recognise(message).Kind);

    [Theory]
    [InlineData("今天天气不错")]
    [InlineData("blah blah")]
    [InlineData("asdfghjkl")]
    public void Anything_else_is_unknown(string message) => Assert.Equal(IntentKind.Unknown, Recognise(message).Kind);

    [Theory]
    [InlineData("我的进度", true)]
    [InlineData("my 坏账率", true)]
    [InlineData("我的KPI", true)]
    [InlineData("how am I doing", false)]
    [InlineData("ＫＰＩ", false)]
    public void Any_Han_character_makes_a_message_Chinese(string message, bool chinese) =>
        Assert.Equal(chinese, Language.IsChinese(message));
}
