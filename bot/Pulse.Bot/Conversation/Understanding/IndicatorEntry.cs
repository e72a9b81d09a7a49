using Pulse.Templates;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// An indicator as the bot recognises it: its names, plus synonyms; <see cref="HanAliases"/> are matched as text,
/// <see cref="LatinAliases"/> word by word (only the words that tell indicators apart, e.g. "complaint" of "complaint rate").
/// </summary>
public sealed record IndicatorEntry(
    string Id,
    LocalizedText Name,
    string Unit,
    bool HasAlerts,
    IReadOnlyList<string> HanAliases,
    IReadOnlyList<string[]> LatinAliases);
