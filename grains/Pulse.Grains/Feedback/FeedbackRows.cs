using System.Data.Common;
using System.Globalization;

namespace Pulse.Feedback;

/// <summary>Reads <see cref="FeedbackSql"/>'s columns back into items, and the text forms both stores write.</summary>
internal static class FeedbackRows
{
    public static async Task<IReadOnlyList<FeedbackItem>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var items = new List<FeedbackItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var reply = reader.IsDBNull(7) ? null
                : new FeedbackReply(Enum.Parse<FeedbackReplyKind>(reader.GetString(7)), reader.IsDBNull(8) ? null : reader.GetString(8), ParseTime(reader.GetString(9)));
            items.Add(new FeedbackItem(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Enum.Parse<FeedbackKind>(reader.GetString(3)), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), ParseTime(reader.GetString(6)), reply));
        }
        return items;
    }

    public static string FormatTime(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
