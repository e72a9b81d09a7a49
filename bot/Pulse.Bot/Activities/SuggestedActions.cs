namespace Pulse.Bot.Activities;

/// <summary>Buttons Web Chat shows above the send box after the bot's last message.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null);
