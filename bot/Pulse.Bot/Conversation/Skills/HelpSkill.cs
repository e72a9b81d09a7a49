using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>What the bot can do, with examples to tap; also the answer to anything it does not understand.</summary>
public static class HelpSkill
{
    public static Activity Answer(bool zh, bool leads, bool hasEmployee, bool welcome = false, bool notUnderstood = false)
    {
        var lead = (welcome, notUnderstood, zh) switch
        {
            (true, _, true) => "你好!我是 Pulse 绩效助手。",
            (true, _, false) => "Hi! I am Pulse, your performance assistant.",
            (_, true, true) => "抱歉,我没听懂。",
            (_, true, false) => "Sorry, I did not understand that.",
            _ => "",
        };
        var examples = new List<string>();
        if (hasEmployee)
        {
            examples.AddRange(zh
                ? ["我的进度", "坏账率多少?", "还差多少达标", "上个月的绩效", "我的预警", "静音坏账率预警", "我收到的反馈", "我的考核结果", "申诉: 理由"]
                : ["How am I doing?", "My complaint rate", "How much is left?", "My score in October", "My alerts", "Mute bad debt alerts", "My feedback", "My review result", "object: reason"]);
        }
        if (leads)
        {
            examples.AddRange(zh ? ["我的团队", "还有谁没评", "给张三反馈:最近客户投诉率上升,需改进服务话术"] : ["My team", "Who still needs rating?", "Praise B002 for closing the big loan"]);
        }
        if (examples.Count == 0) examples.Add(zh ? "帮助" : "Help");
        var text = lead + (zh ? "你可以这样问我:\n" : (lead.Length > 0 ? " " : "") + "You can ask me:\n") + string.Join("\n", examples.Select(e => "· " + e));
        var buttons = examples.Where(e => e.Length <= 20).Take(5);
        return Reply.Text(zh, text, buttons);
    }
}
