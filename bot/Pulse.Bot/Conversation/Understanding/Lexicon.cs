namespace Pulse.Bot.Conversation.Understanding;

/// <summary>One intent's signal words: Chinese terms (found in the text), English words (one typo allowed), English phrases.</summary>
public sealed class Lexicon(string[] hanTerms, string[] latinWords, string[] latinPhrases)
{
    public bool In(string normalised, IReadOnlyList<string> words)
    {
        foreach (var term in hanTerms)
        {
            if (normalised.Contains(term, StringComparison.Ordinal)) return true;
        }
        foreach (var phrase in latinPhrases)
        {
            if (normalised.Contains(phrase, StringComparison.Ordinal)) return true;
        }
        foreach (var word in words)
        {
            foreach (var known in latinWords)
            {
                if (Fuzzy.WordMatches(word, known)) return true;
            }
        }
        return false;
    }

    /// <summary>Whether the whole message is one of the words (a button's text, "yes", "取消"), give or take punctuation.</summary>
    public bool IsWhole(string normalised)
    {
        var text = normalised.Trim(' ', '.', '!', '。', '!', '~');
        return hanTerms.Contains(text) || latinWords.Contains(text) || latinPhrases.Contains(text);
    }
}
