using System.Text.Json.Nodes;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Understanding;

namespace Pulse.Bot.Conversation.Replies;

/// <summary>
/// Builds the bot's messages: always plain text (names and feedback are the users' words, never markup), in the
/// turn's language, with suggested actions whose title is what they send; a card when there are numbers.
/// </summary>
public static class Reply
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public static Activity Text(bool zh, string text, IEnumerable<string> suggestions) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "plain",
        Locale = zh ? Language.Chinese : Language.English,
        SuggestedActions = new SuggestedActions([.. suggestions.Distinct().Select(CardAction.ImBack)]),
    };

    /// <summary>Adds a button that opens a page of the dashboard, after the others.</summary>
    public static Activity WithLink(Activity activity, CardAction link)
    {
        activity.SuggestedActions = new SuggestedActions([.. activity.SuggestedActions?.Actions ?? [], link]);
        return activity;
    }

    public static Activity Card(bool zh, string text, JsonObject card, IEnumerable<string> suggestions)
    {
        var activity = Text(zh, text, suggestions);
        activity.Attachments = [new Attachment(AdaptiveCardType, card)];
        return activity;
    }
}
