using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;

namespace Pulse.Reviews;

/// <summary>
/// The month totals table as both stores write and read it (<see cref="ArchiveSql.TotalsColumns"/>), and the pass over
/// a month's rows that computes it. Each indicator's sums are one JSON column
/// (<c>{id:[valueSum,valueCount,scoreSum,scoreCount]}</c>), like the rows' indicators column.
/// </summary>
internal static class ArchiveTotalsRows
{
    /// <summary>Reads every row of a month (<see cref="ArchiveSql.Columns"/>) into totals per department; an unreadable row counts as skipped.</summary>
    public static async Task<List<DepartmentMonthTotals>> FromRowsAsync(DbDataReader reader, string period, CancellationToken cancellationToken)
    {
        var builder = new MonthTotalsBuilder(period);
        while (await reader.ReadAsync(cancellationToken))
        {
            builder.Add(ArchiveRows.Department(reader), ArchiveRows.TryRead(reader)?.Result);
        }

        return builder.Build();
    }

    /// <summary>
    /// Reads totals rows (<see cref="ArchiveSql.TotalsColumns"/>); a month with a row that cannot be read (a damaged or
    /// hand-edited database) is returned in <c>Damaged</c> instead, for the store to compute again from its rows.
    /// </summary>
    public static async Task<(List<DepartmentMonthTotals> Totals, SortedSet<string> Damaged)> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var totals = new List<DepartmentMonthTotals>();
        var damaged = new SortedSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var period = reader.GetString(0);
            try
            {
                totals.Add(new DepartmentMonthTotals(period, reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
                    reader.GetDecimal(4), reader.GetInt32(5), ReadIndicators(reader.GetString(6))));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException)
            {
                damaged.Add(period);
            }
        }

        totals.RemoveAll(t => damaged.Contains(t.Period));
        return (totals, damaged);
    }

    public static string FormatIndicators(IReadOnlyDictionary<string, IndicatorTotals> indicators)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (id, totals) in indicators.OrderBy(i => i.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray(id);
                writer.WriteNumberValue(totals.ValueSum);
                writer.WriteNumberValue(totals.ValueCount);
                writer.WriteNumberValue(totals.ScoreSum);
                writer.WriteNumberValue(totals.ScoreCount);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Dictionary<string, IndicatorTotals> ReadIndicators(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var indicators = new Dictionary<string, IndicatorTotals>(StringComparer.Ordinal);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = reader.GetString()!;
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray);
            var totals = new IndicatorTotals(Number(ref reader), (int)Number(ref reader), Number(ref reader), (int)Number(ref reader));
            Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray);
            indicators[id] = totals;
        }

        Expect(reader.TokenType == JsonTokenType.EndObject);
        return indicators;
    }

    private static decimal Number(ref Utf8JsonReader reader)
    {
        Expect(reader.Read() && reader.TokenType == JsonTokenType.Number);
        return reader.GetDecimal();
    }

    private static void Expect(bool condition)
    {
        if (!condition) throw new JsonException("The month totals' indicators column is not {id:[valueSum,valueCount,scoreSum,scoreCount]}.");
    }
}
