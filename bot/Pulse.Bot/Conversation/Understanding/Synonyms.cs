namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// Words people use for the same indicator. An indicator whose Chinese or English name contains a term of a group
/// answers to every term of that group, so the table works for any tenant's indicator names.
/// </summary>
public static class Synonyms
{
    public static readonly string[][] Groups =
    [
        ["坏账", "坏账率", "坏帐", "违约", "违约率", "不良", "bad debt", "bad-debt", "default rate", "defaults", "npl"],
        ["投诉", "投诉率", "客诉", "客户投诉", "complaint", "complaints", "complaint rate"],
        ["贷款", "放款", "贷款额", "贷款额度", "放款额", "loan", "loans", "loan volume", "lending"],
        ["差错", "差错率", "错误率", "出错", "error rate", "errors", "mistakes"],
        ["处理时间", "处理时长", "处理速度", "processing time", "handling time", "processing"],
        ["培训", "培训完成", "training", "courses"],
        ["上线", "准时上线", "按时上线", "on-time", "releases", "release"],
        ["bug", "缺陷", "bugs", "defects"],
        ["协作", "团队协作", "teamwork", "collaboration"],
        ["态度", "工作态度", "attitude"],
    ];
}
