namespace Pulse.Bot.DirectLine;

/// <summary>The language a user writes in: any Han character makes a message Chinese, any other text English.</summary>
public static class ChatLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    /// <summary>The language of <paramref name="text"/>; <paramref name="fallback"/> (as zh-CN or en-US) when there is no text.</summary>
    public static string Of(string? text, string? fallback)
    {
        if (!string.IsNullOrWhiteSpace(text)) return text.Any(IsHan) ? Chinese : English;
        return fallback?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Chinese;
    }

    public static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>What the user reads when the bot could not answer.</summary>
    public static string Apology(string language) => language == English
        ? "Sorry, I could not answer that just now. Please try again in a moment."
        : "抱歉,我这次没能回答,请稍后再试。";
}
