using System.Text;
using System.Text.Json.Nodes;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;
using Pulse.Performance;
using Pulse.Services;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>
/// A manager's or HR's team: for each department the service lets them read, the average composite, who is at risk,
/// the top and the bottom performers. Anyone else gets a polite refusal.
/// </summary>
public static class TeamSkill
{
    private const int MaxDepartments = 6;
    private const int MaxNames = 3;

    public static async Task<Activity> AnswerAsync(TurnContext context)
    {
        var zh = context.Zh;
        var refusal = Reply.Text(zh, context.Say("团队视图只对经理和 HR 开放。你可以问“我的进度”看自己的绩效。",
                "The team view is for managers and HR. You can ask \"How am I doing?\" for your own scores."),
            Suggestions.Usual(context));
        if (!context.Leads) return refusal;

        var answer = await context.Performance.GetDepartmentsAsync(context.Caller, null);
        if (answer.Status != AnswerStatus.Ok || answer.Value is not { Length: > 0 } departments) return refusal;

        var title = context.Say("我的团队(本月,截至目前)", "Your team this month, so far");
        var text = new StringBuilder(title).Append(zh ? ":" : ":");
        var body = new List<JsonNode?> { AdaptiveCards.Heading(title) };
        foreach (var department in departments.Take(MaxDepartments))
        {
            var name = context.Index.Departments.GetValueOrDefault(department.DepartmentId, department.DepartmentId);
            var facts = new List<(string Title, string Value)>
            {
                (context.Say("平均综合分", "Average composite"), Numbers.Number(department.AverageComposite)),
                (context.Say("人数", "Members"), context.Say($"{department.Members} 人,{department.MembersWithData} 人有数据", $"{department.Members}, {department.MembersWithData} with data")),
                (context.Say("有风险", "At risk"), department.AtRisk == 0 ? context.Say("无", "none") : $"{department.AtRisk}: {Names(department.AtRiskMembers, zh, projected: true)}"),
                (context.Say("最高", "Top"), Names(department.Top, zh, projected: false)),
                (context.Say("最低", "Bottom"), Names(department.Bottom, zh, projected: false)),
            };
            text.Append('\n').Append(name).Append(zh ? ":" : ": ").Append(string.Join(zh ? ";" : "; ", facts.Select(f => $"{f.Title} {f.Value}")));
            body.Add(AdaptiveCards.Container(AdaptiveCards.Line(name, bold: true), AdaptiveCards.Facts(facts)));
        }
        if (departments.Length > MaxDepartments)
        {
            text.Append('\n').Append(context.Say($"另有 {departments.Length - MaxDepartments} 个部门,请在仪表盘查看。", $"{departments.Length - MaxDepartments} more departments are on the dashboard."));
        }
        return Reply.Card(zh, text.ToString(), AdaptiveCards.Card([.. body]), Suggestions.Usual(context, Suggestions.MyTeam(zh)));
    }

    private static string Names(RankedMember[] members, bool zh, bool projected)
    {
        if (members.Length == 0) return Numbers.None;
        return string.Join(zh ? "、" : ", ", members.Take(MaxNames).Select(m =>
        {
            var score = projected ? m.ProjectedComposite ?? m.Composite : m.Composite;
            return zh ? $"{m.Name}({m.EmployeeId}){Numbers.Number(score)}" : $"{m.Name} ({m.EmployeeId}) {Numbers.Number(score)}";
        }));
    }
}
