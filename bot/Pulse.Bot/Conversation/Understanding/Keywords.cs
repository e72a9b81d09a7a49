namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// The words that signal each intent. Chinese terms are found anywhere in the message; English words are compared
/// word by word with <see cref="Fuzzy.WordMatches"/>, so a typo still counts; English phrases must appear as written.
/// </summary>
public static class Keywords
{
    public static readonly Lexicon Progress = new(
        ["进度", "怎么样", "如何", "绩效", "表现", "业绩", "得分", "分数", "成绩", "kpi", "考核", "完成情况", "情况", "综合分"],
        ["progress", "doing", "performance", "score", "scores", "kpi", "kpis", "status", "composite", "going", "results"],
        ["how am i", "how's my", "my month"]);

    public static readonly Lexicon Remaining = new(
        ["还差", "差多少", "达标", "剩余", "还需", "还要多少", "距离目标"],
        ["remaining", "left", "short", "missing", "gap", "reach"],
        ["to go", "still need", "how far"]);

    public static readonly Lexicon Team = new(
        ["团队", "下属", "组员", "部门", "手下", "风险", "排名", "谁最好", "谁最差", "最好", "最差", "员工们"],
        ["team", "department", "departments", "reports", "members", "risk", "performers", "ranking", "staff"],
        ["at risk", "top performers", "bottom performers"]);

    public static readonly Lexicon Alerts = new(
        ["预警", "警报", "告警", "报警", "提醒"],
        ["alert", "alerts", "alarms", "warnings", "breaches"],
        []);

    /// <summary>Words that mute on their own.</summary>
    public static readonly Lexicon Mute = new(
        ["静音", "屏蔽", "免打扰", "不要提醒", "别提醒", "不再提醒", "不要再提醒"],
        ["mute", "silence"],
        []);

    /// <summary>Words that mute only when the message is about alerts ("stop bad debt alerts", "关闭坏账率预警").</summary>
    public static readonly Lexicon Stop = new(["关闭", "关掉", "停止", "不要"], ["stop", "disable"], ["turn off"]);

    public static readonly Lexicon Unmute = new(
        ["取消静音", "解除静音", "取消屏蔽", "解除屏蔽", "恢复提醒", "恢复预警", "重新提醒", "打开提醒", "开启预警", "打开预警"],
        ["unmute", "unsilence"],
        ["turn on", "resume", "re-enable", "enable"]);

    public static readonly Lexicon FeedbackReceived = new(
        ["反馈", "评价", "表扬", "点评", "意见"],
        ["feedback", "praise", "comments", "notes", "kudos"],
        []);

    public static readonly Lexicon Help = new(
        ["帮助", "你能做什么", "能做什么", "怎么用", "你好", "您好", "嗨", "菜单", "功能", "使用说明"],
        ["help", "hi", "hello", "hey", "commands", "examples", "menu"],
        ["what can you do"]);

    /// <summary>A manager asking who still waits for their rating ("还有谁没评", "who still needs rating").</summary>
    public static readonly Lexicon WhoToRate = new(
        ["没评", "未评", "待评分", "没有评分", "还没打分", "没打分"],
        [],
        ["needs rating", "need rating", "needs a rating", "not rated", "still to rate", "missing ratings", "unrated", "who to rate"]);

    /// <summary>Acknowledging one's published result ("确认结果", "acknowledge").</summary>
    public static readonly Lexicon Acknowledge = new(
        ["确认结果", "确认考核", "确认绩效结果", "确认我的结果", "认可结果", "接受结果", "确认考核结果"],
        ["acknowledge", "acknowledged", "acknowledgement"],
        ["accept my result", "accept the result"]);

    /// <summary>Asking for one's review result ("我的考核结果", "上个月的考核", "my review result").</summary>
    public static readonly Lexicon ReviewResult = new(
        ["考核", "评估结果", "绩效结果", "我的等级", "评级", "考评"],
        ["review", "appraisal"],
        ["my result", "my grade"]);

    public static readonly Lexicon Confirm = new(["确认", "确定", "是的", "好的", "发送", "对"], ["confirm", "yes", "ok", "okay", "send", "sure", "yep"], []);

    public static readonly Lexicon Cancel = new(["取消", "不要", "算了", "不用", "否"], ["cancel", "no", "nope", "abort", "stop"], ["never mind"]);

    public static readonly string[] Praise = ["表扬", "夸", "点赞", "称赞", "赞扬", "praise", "kudos", "thank", "well done", "great job", "good job", "congrat"];

    public static readonly string[] Improve = ["改进", "提升", "注意", "需要", "问题", "加强", "improve", "needs to", "should", "please work", "concern"];
}
