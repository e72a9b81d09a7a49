using Microsoft.Extensions.Logging;
using Orleans;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Dialogs;
using Pulse.Bot.Conversation.Replies;
using Pulse.Bot.Conversation.Skills;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Bot.Turns;
using Pulse.Grains;

namespace Pulse.Bot.Conversation;

/// <summary>
/// The Pulse bot: understands what a user asks, in Chinese or English, and answers with their real numbers. Each
/// turn reads the tenant's rules (for the cached index of names), continues a flow in progress if the message answers
/// it, otherwise recognises the intent and lets its skill answer through the services, as the turn's caller.
/// </summary>
public sealed class PulseBot(
    IGrainFactory grains,
    OrgIndexCache indexes,
    TimeProvider clock,
    ILogger<PulseBot> logger) : IBotTurnHandler
{
    /// <summary>The longest message the bot tries to understand: feedback (2,000 characters) with room for whom and how.</summary>
    public const int MaxMessage = 2_200;

    public async Task<TurnResult> OnConversationStartedAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var state = DialogState.Parse(turn.DialogState);
        var locale = turn.Incoming.Locale ?? state.Locale;
        if (locale is null)
        {
            var rules = await grains.GetGrain<ITenantGrain>(turn.Caller.TenantId).GetRulesAsync();
            locale = rules?.Settings.Locale ?? Language.Chinese;
        }
        var zh = !locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var leads = turn.Caller.Has(Security.Role.Manager) || turn.Caller.Has(Security.Role.Hr);
        return new TurnResult([HelpSkill.Answer(zh, leads, turn.Caller.EmployeeId is not null, welcome: true)], turn.DialogState);
    }

    public async Task<TurnResult> OnActivityAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Incoming.Type != ActivityTypes.Message) return new TurnResult([], turn.DialogState);

        var state = DialogState.Parse(turn.DialogState);
        var message = turn.Incoming.Text ?? "";
        var rules = await grains.GetGrain<ITenantGrain>(turn.Caller.TenantId).GetRulesAsync();
        var zh = string.IsNullOrWhiteSpace(message)
            ? !(state.Locale ?? rules?.Settings.Locale ?? Language.Chinese).StartsWith("en", StringComparison.OrdinalIgnoreCase)
            : Language.IsChinese(message);
        var locale = zh ? Language.Chinese : Language.English;
        if (rules is null)
        {
            return new TurnResult([HelpSkill.Answer(zh, leads: false, hasEmployee: false, notUnderstood: true)], turn.DialogState);
        }

        var index = indexes.For(rules);
        if (message.Length > MaxMessage)
        {
            // Longer than any question or feedback; not worth matching (and patterns stay cheap on what is matched).
            var leads = turn.Caller.Has(Security.Role.Manager) || turn.Caller.Has(Security.Role.Hr);
            var tooLong = HelpSkill.Answer(zh, leads, turn.Caller.EmployeeId is not null, notUnderstood: true);
            return new TurnResult([tooLong], (state.Idle() with { Locale = locale }).Serialize());
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), index.TimeZone).DateTime);
        var context = new TurnContext(turn, index, zh, today, grains, cancellationToken);
        var kind = IntentKind.Unknown;
        Activity reply;
        DialogState next;
        try
        {
            if ((state.Pending is not null || state.Choice is not null) && await FeedbackDialog.ContinueAsync(context, state, message) is { } step)
            {
                kind = IntentKind.Confirm;
                (reply, next) = step;
            }
            else
            {
                var intent = IntentRecogniser.Recognise(message, index, today);
                kind = intent.Kind;
                (reply, next) = await AnswerAsync(context, intent, state.Idle());
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ConversationLog.TurnFailed(logger, e, kind.ToString(), turn.Caller.TenantId);
            reply = Reply.Text(zh, context.Say("抱歉,出了点问题,请稍后再试。", "Sorry, something went wrong. Please try again in a moment."),
                Suggestions.Usual(context));
            next = state.Idle();
        }

        if (state.Locale != locale) await RememberLocaleAsync(context, locale);
        return new TurnResult([reply], (next with { Locale = locale }).Serialize());
    }

    private static async Task<(Activity, DialogState)> AnswerAsync(TurnContext context, Intent intent, DialogState idle) => intent.Kind switch
    {
        IntentKind.Progress or IntentKind.Indicator or IntentKind.Remaining or IntentKind.PastMonth => (await ProgressSkill.AnswerAsync(context, intent), idle),
        IntentKind.Team => (await TeamSkill.AnswerAsync(context), idle),
        IntentKind.Alerts => (await AlertsSkill.AnswerAsync(context), idle),
        IntentKind.Mute or IntentKind.Unmute => (await MuteSkill.AnswerAsync(context, intent), idle),
        IntentKind.FeedbackReceived => (await FeedbackInboxSkill.AnswerAsync(context), idle),
        IntentKind.GiveFeedback => await FeedbackDialog.StartAsync(context, intent, idle),
        IntentKind.ReviewResult => (await ReviewSkill.ResultAsync(context, intent), idle),
        IntentKind.Acknowledge or IntentKind.Object => (await ReviewSkill.RespondAsync(context, intent), idle),
        IntentKind.WhoToRate => (await ReviewSkill.WhoToRateAsync(context, intent), idle),
        IntentKind.Confirm or IntentKind.Cancel => (Reply.Text(context.Zh,
            context.Say("现在没有等待确认的操作。", "There is nothing waiting for confirmation."), Suggestions.Usual(context)), idle),
        IntentKind.Help => (HelpSkill.Answer(context.Zh, context.Leads, context.EmployeeId is not null), idle),
        _ => (HelpSkill.Answer(context.Zh, context.Leads, context.EmployeeId is not null, notUnderstood: true), idle),
    };

    /// <summary>The language the user last wrote in, for the alerts the bot starts; a failure here must not cost the answer.</summary>
    private async Task RememberLocaleAsync(TurnContext context, string locale)
    {
        try
        {
            await context.ChatUser.SetLocaleAsync(locale);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ConversationLog.LocaleNotRemembered(logger, e, context.Caller.TenantId);
        }
    }
}
