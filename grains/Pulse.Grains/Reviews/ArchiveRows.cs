using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Pulse.Reviews;

/// <summary>
/// Reads <see cref="ArchiveSql.Columns"/> back into results, and the text forms both stores write. Indicator values
/// and scores are one JSON column (<c>{"values":{id:n},"scores":{id:n}}</c>): a month is one row per person, the
/// reports read a range of rows in one query and aggregate in code, the same on both engines.
/// </summary>
internal static class ArchiveRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ArchiveRead> ReadAllAsync(DbDataReader reader, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<ArchivedMonthResult>();
        var skipped = 0;
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count + skipped == limit)
            {
                truncated = true;
                break;
            }

            if (TryRead(reader) is { } row)
            {
                rows.Add(row);
            }
            else
            {
                skipped++;
            }
        }

        return new ArchiveRead(rows, skipped, truncated);
    }

    public static string FormatIndicators(ArchivedResult result) =>
        JsonSerializer.Serialize(new StoredIndicators(result.IndicatorValues, result.IndicatorScores), Json);

    public static string FormatTime(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The row's department as text, even when the rest of the row cannot be read.</summary>
    public static string Department(DbDataReader reader) =>
        reader.IsDBNull(2) ? "" : Convert.ToString(reader.GetValue(2), CultureInfo.InvariantCulture) ?? "";

    // A row that fails to parse (damaged JSON, a number out of range, a missing field) is left out, not thrown.
    public static ArchivedMonthResult? TryRead(DbDataReader reader)
    {
        try
        {
            var (values, scores) = IndicatorsJsonReader.Read(reader.GetString(5));
            var result = new ArchivedResult(
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDecimal(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                values,
                scores,
                reader.GetString(8),
                reader.IsDBNull(6) ? null : reader.GetDecimal(6),
                reader.IsDBNull(7) ? null : reader.GetString(7));
            var at = DateTimeOffset.ParseExact(reader.GetString(9), "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
            return new ArchivedMonthResult(reader.GetString(0), result, at);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record StoredIndicators(IReadOnlyDictionary<string, decimal>? Values, IReadOnlyDictionary<string, decimal>? Scores);
}
