using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Pulse.Audit;

/// <summary>
/// Writes audit records as RFC 4180 CSV (CRLF line ends, fields with a comma, quote or line break quoted, quotes
/// doubled) for the export endpoint. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @,
/// tab or CR) get a leading quote: CsvHelper's injection escaping.
/// </summary>
public static class AuditCsv
{
    public const string Header = "id,at,actor,action,target,before,after";

    private static readonly string[] Columns = Header.Split(',');

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
    };

    public static async Task WriteAsync(IAsyncEnumerable<AuditRecord> records, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        await using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        await WriteHeaderAsync(csv);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            await WriteRecordAsync(csv, record);
        }

        await csv.FlushAsync();
    }

    public static async Task WriteAsync(IReadOnlyList<AuditRecord> records, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        await using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        await WriteHeaderAsync(csv);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteRecordAsync(csv, record);
        }

        await csv.FlushAsync();
    }

    private static async Task WriteHeaderAsync(CsvWriter csv)
    {
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
    }

    private static async Task WriteRecordAsync(CsvWriter csv, AuditRecord record)
    {
        var entry = record.Entry;
        csv.WriteField(record.Id.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(AuditTime.Format(entry.At));
        csv.WriteField(entry.Actor);
        csv.WriteField(entry.Action);
        csv.WriteField(entry.Target);
        csv.WriteField(entry.Before);
        csv.WriteField(entry.After);
        await csv.NextRecordAsync();
    }
}
