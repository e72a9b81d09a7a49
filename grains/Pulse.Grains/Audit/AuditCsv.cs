using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pulse.Audit;

/// <summary>
/// Writes audit records as RFC 4180 CSV (CRLF line ends, fields with a comma, quote or line break quoted, quotes
/// doubled) for the export endpoint. Text cells that a spreadsheet would run as a formula get a leading quote.
/// </summary>
public static class AuditCsv
{
    public const string Header = "id,at,actor,action,target,before,after";

    private const string LineEnd = "\r\n";

    // =, +, - and @ start a formula in Excel, LibreOffice and Sheets; tab and CR can too, after their trimming.
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static async Task WriteAsync(IAsyncEnumerable<AuditRecord> records, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync((Header + LineEnd).AsMemory(), cancellationToken);
        var line = new StringBuilder();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            await WriteRecordAsync(record, writer, line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static async Task WriteAsync(IReadOnlyList<AuditRecord> records, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync((Header + LineEnd).AsMemory(), cancellationToken);
        var line = new StringBuilder();
        foreach (var record in records)
        {
            await WriteRecordAsync(record, writer, line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteRecordAsync(AuditRecord record, TextWriter writer, StringBuilder line, CancellationToken cancellationToken)
    {
        var entry = record.Entry;
        line.Clear()
            .Append(record.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(AuditTime.Format(entry.At)).Append(',');
        AppendCell(line, entry.Actor).Append(',');
        AppendCell(line, entry.Action).Append(',');
        AppendCell(line, entry.Target).Append(',');
        AppendCell(line, entry.Before).Append(',');
        AppendCell(line, entry.After).Append(LineEnd);
        await writer.WriteAsync(line, cancellationToken);
    }

    /// <summary>One text cell: formula guard first, then quoting, so the added quote sits inside the field.</summary>
    internal static StringBuilder AppendCell(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return line;
        }

        var guarded = FormulaStarts.Contains(value[0]) ? "'" + value : value;
        if (!guarded.AsSpan().ContainsAny(NeedsQuotes))
        {
            return line.Append(guarded);
        }

        return line.Append('"').Append(guarded.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
