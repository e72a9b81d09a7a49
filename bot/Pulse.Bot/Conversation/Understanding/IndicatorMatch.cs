namespace Pulse.Bot.Conversation.Understanding;

/// <summary>An indicator a message mentions; <see cref="Exact"/> when a name or synonym appears as written, not only nearly.</summary>
public sealed record IndicatorMatch(IndicatorEntry Indicator, double Score, bool Exact);
