namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// Tolerant comparison: edit distance for Latin words (typos such as "progres" or "complant") and character overlap
/// for Chinese, where a wrong or missing character still leaves most of a name.
/// </summary>
public static class Fuzzy
{
    /// <summary>
    /// Edit distance counting an insertion, deletion, substitution or swap of neighbours ("alrets") as one edit;
    /// gives up (returning <paramref name="max"/> + 1) as soon as it must exceed <paramref name="max"/>.
    /// </summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (b.Length > 64) return a == b ? 0 : max + 1;
        Span<int> beforePrevious = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, beforePrevious[j - 2] + 1);
                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > max) return max + 1;
            previous.CopyTo(beforePrevious);
            current.CopyTo(previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// Whether a typed word stands for a known word: short words must be exact; words of four letters or more may
    /// have one typo, of eight or more two.
    /// </summary>
    public static bool WordMatches(string typed, string known)
    {
        if (typed == known) return true;
        if (known.Length < 4 || typed.Length < 3) return false;
        var allowed = known.Length >= 8 ? 2 : 1;
        return EditDistance(typed, known, allowed) <= allowed;
    }

    /// <summary>The share of <paramref name="name"/>'s distinct characters that appear in <paramref name="text"/> (0 to 1).</summary>
    public static double CharacterOverlap(string name, string text)
    {
        var distinct = 0;
        var found = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name.IndexOf(name[i], StringComparison.Ordinal) != i) continue;
            distinct++;
            if (text.Contains(name[i], StringComparison.Ordinal)) found++;
        }
        return distinct == 0 ? 0 : (double)found / distinct;
    }
}
