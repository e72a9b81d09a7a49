using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;
using Pulse.Bot.Conversation.Skills;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Feedback;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Bot.Conversation.Dialogs;

/// <summary>
/// Giving feedback or praise in steps: find the person among those the caller may give feedback to (the access
/// policy decides, person by person), let them choose when several match, show what will be sent and send it only on
/// 确认 / Confirm. Unknown people and people out of scope get the same refusal, so it tells nothing about who exists.
/// </summary>
public static class FeedbackDialog
{
    public const int MaxText = 2000;
    private const int MaxChoices = 5;

    public static async Task<(Activity Reply, DialogState State)> StartAsync(TurnContext context, Intent intent, DialogState state)
    {
        var zh = context.Zh;
        var idle = state.Idle();
        var text = intent.FeedbackText ?? "";
        if (text.Length == 0)
        {
            return (Reply.Text(zh, context.Say("请把人和内容一起告诉我,例如:给张三反馈:本月放款做得很好", "Tell me whom and what in one message, for example: Praise B002 for closing the big loan"),
                Suggestions.Usual(context)), idle);
        }
        if (text.Length > MaxText)
        {
            return (Reply.Text(zh, context.Say($"反馈最多 {MaxText} 字,这条有 {text.Length} 字。", $"Feedback is at most {MaxText} characters; this one has {text.Length}."),
                Suggestions.Usual(context)), idle);
        }

        var matches = context.Index.FindPeople(intent.Person ?? "");
        var allowed = await Task.WhenAll(matches.Select(p => context.Policy.AllowsAsync(context.Caller, Permission.FeedbackGive, p.Id)));
        var candidates = matches.Where((_, i) => allowed[i]).Take(MaxChoices).Select(p => new FeedbackCandidate(p.Id, p.Name)).ToArray();
        if (candidates.Length == 0) return (Refusal(context), idle);
        if (candidates.Length == 1) return Confirm(context, new PendingFeedback(candidates[0].EmployeeId, candidates[0].Name, text, intent.FeedbackKind), state);

        var buttons = candidates.Select(c => c.Label(zh)).Append(Suggestions.Cancel(zh));
        return (Reply.Text(zh, context.Say("有几位同事符合,请选择要反馈的人:", "More than one person matches; whom do you mean?") + "\n"
                + string.Join("\n", candidates.Select(c => "· " + c.Label(zh))), buttons),
            idle with { Choice = new FeedbackChoice(candidates, text, intent.FeedbackKind) });
    }

    /// <summary>The next step of a flow in progress, or null when the message is not an answer to it (the flow is then dropped).</summary>
    public static async Task<(Activity Reply, DialogState State)?> ContinueAsync(TurnContext context, DialogState state, string message)
    {
        var zh = context.Zh;
        var normalised = TextNormaliser.Normalise(message);
        if (Keywords.Cancel.IsWhole(normalised))
        {
            return (Reply.Text(zh, context.Say("已取消,没有发送。", "Cancelled; nothing was sent."), Suggestions.Usual(context)), state.Idle());
        }
        if (state.Pending is { } pending && Keywords.Confirm.IsWhole(normalised))
        {
            return (await SendAsync(context, pending), state.Idle());
        }
        if (state.Choice is { } choice)
        {
            var chosen = choice.Candidates.FirstOrDefault(c => normalised.Contains(c.EmployeeId.ToLowerInvariant(), StringComparison.Ordinal))
                ?? (choice.Candidates.Count(c => c.Name == message.Trim()) == 1 ? choice.Candidates.First(c => c.Name == message.Trim()) : null);
            if (chosen is not null) return Confirm(context, new PendingFeedback(chosen.EmployeeId, chosen.Name, choice.Text, choice.Kind), state);
        }
        return null;
    }

    private static (Activity, DialogState) Confirm(TurnContext context, PendingFeedback pending, DialogState state)
    {
        var zh = context.Zh;
        var who = new FeedbackCandidate(pending.EmployeeId, pending.Name).Label(zh);
        var text = context.Say($"将给 {who} 发送{KindName(pending.Kind, zh)}:\n“{pending.Text}”\n确认发送吗?",
            $"I will send {KindName(pending.Kind, zh)} to {who}:\n\"{pending.Text}\"\nSend it?");
        return (Reply.Text(zh, text, [Suggestions.Confirm(zh), Suggestions.Cancel(zh)]), state.Idle() with { Pending = pending });
    }

    private static async Task<Activity> SendAsync(TurnContext context, PendingFeedback pending)
    {
        var zh = context.Zh;
        var answer = await context.Feedback.GiveAsync(context.Caller, pending.EmployeeId, new NewFeedback(pending.Text, pending.Kind));
        var who = new FeedbackCandidate(pending.EmployeeId, pending.Name).Label(zh);
        return answer.Status switch
        {
            AnswerStatus.Ok => Reply.Text(zh, context.Say($"已发送给 {who}。", $"Sent to {who}."), Suggestions.Usual(context, Suggestions.MyTeam(zh))),
            AnswerStatus.Invalid => Reply.Text(zh, context.Say("没有发送:", "Not sent: ") + string.Join("; ", answer.Errors.Select(e => $"{e.Item}: {e.Reason}")), Suggestions.Usual(context)),
            _ => Refusal(context),
        };
    }

    private static Activity Refusal(TurnContext context) => Reply.Text(context.Zh,
        context.Say("抱歉,我无法给这个人发送反馈:只能反馈给你管理范围内的同事,请检查姓名或工号。",
            "Sorry, I cannot send feedback to that person: only to people you manage. Please check the name or employee id."),
        Suggestions.Usual(context));

    private static string KindName(FeedbackKind kind, bool zh) => (kind, zh) switch
    {
        (FeedbackKind.Praise, true) => "表扬",
        (FeedbackKind.Improve, true) => "改进反馈",
        (_, true) => "反馈",
        (FeedbackKind.Praise, false) => "praise",
        (FeedbackKind.Improve, false) => "feedback to improve",
        _ => "feedback",
    };
}
