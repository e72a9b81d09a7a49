using System.Text;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>Puts a message in one form for matching: lower case, full-width letters, digits and punctuation made half-width, spaces collapsed.</summary>
public static class TextNormaliser
{
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Trim())
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u3000' => ' ',
                '\u3002' => '.',
                '\u3001' => ',',
                '\u2018' or '\u2019' => '\'',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                if (!space) builder.Append(' ');
                space = true;
                continue;
            }
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The Latin words and numbers of a normalised message, in order (Han characters split words).</summary>
    public static List<string> Words(string normalised)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= normalised.Length; i++)
        {
            var inWord = i < normalised.Length && (char.IsAsciiLetterOrDigit(normalised[i]) || (normalised[i] == '\'' && start >= 0));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(normalised[start..i].TrimEnd('\''));
                start = -1;
            }
        }
        return words;
    }
}
