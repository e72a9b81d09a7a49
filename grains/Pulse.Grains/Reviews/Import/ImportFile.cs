using System.Globalization;
using MiniExcelLibs;

namespace Pulse.Reviews;

/// <summary>Reads an uploaded CSV or XLSX (first sheet) into text cells with MiniExcel; numbers from XLSX are written invariantly.</summary>
public static class ImportFile
{
    /// <summary>The table, or null when the file has more than <paramref name="maxRows"/> rows.</summary>
    public static ImportTable? Read(Stream seekable, bool xlsx, int maxRows)
    {
        var rows = MiniExcel.Query(seekable, useHeaderRow: false, excelType: xlsx ? ExcelType.XLSX : ExcelType.CSV)
            .Cast<IDictionary<string, object?>>();
        IReadOnlyList<string>? header = null;
        var table = new List<(int, IReadOnlyList<string>)>();
        var number = 0;
        foreach (var row in rows)
        {
            number++;
            var cells = row.Values.Select(Text).ToList();
            if (header is null)
            {
                header = [.. cells.Select(c => c.Trim())];
                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (table.Count == maxRows) return null;
            table.Add((number, cells));
        }

        return new ImportTable(header ?? [], table);
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
