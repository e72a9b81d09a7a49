namespace Pulse.Bot.Conversation.Understanding;

/// <summary>The language rule: a message with any Han character is Chinese (zh-CN); anything else is English (en-US).</summary>
public static class Language
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static bool IsChinese(string? text)
    {
        if (text is null) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsHan(text, i)) return true;
        }
        return false;
    }

    public static string LocaleOf(string? text) => IsChinese(text) ? Chinese : English;

    public static bool IsHan(string text, int index)
    {
        var c = text[index];
        if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF') return true;
        // Extensions B and later live outside the basic plane.
        return char.IsHighSurrogate(c) && index + 1 < text.Length && char.ConvertToUtf32(c, text[index + 1]) is >= 0x20000 and <= 0x3FFFF;
    }
}
