using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Pulse.Organisation;

namespace Pulse.Silo.Apis;

/// <summary>Reads employees from CSV, reporting every malformed row by its line number.</summary>
public static partial class EmployeeCsv
{
    private static readonly string[] Required = ["id", "name", "departmentId"];

    public static async Task<(List<Employee> Employees, List<int> Lines, List<ValidationError> Errors)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var employees = new List<Employee>();
        var lines = new List<int>();
        var errors = new List<ValidationError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectDelimiter = true, MissingFieldFound = null, BadDataFound = null };
        using var reader = new StreamReader(body);
        using var csv = new CsvReader(reader, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            errors.Add(new ValidationError("header", "the CSV is empty; the first row must name the columns"));
            return (employees, lines, errors);
        }
        var header = csv.HeaderRecord ?? [];
        foreach (var column in Required.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add(new ValidationError($"header.{column}", "column is missing"));
        }
        if (errors.Count > 0) return (employees, lines, errors);

        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.Parser.RawRow;
            string Field(string name) => header.Contains(name, StringComparer.OrdinalIgnoreCase) ? csv.GetField(Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase))) ?? "" : "";

            var payText = Field("performancePayBase");
            var pay = 0m;
            if (payText.Length > 0 && !decimal.TryParse(payText, NumberStyles.Number, CultureInfo.InvariantCulture, out pay))
                errors.Add(new ValidationError($"rows[{line}].performancePayBase", $"'{payText}' is not a number"));
            var activeText = Field("active");
            var active = true;
            if (activeText.Length > 0 && !bool.TryParse(activeText, out active))
                errors.Add(new ValidationError($"rows[{line}].active", $"'{activeText}' is not true or false"));
            var title = Field("title");
            employees.Add(new Employee(Field("id"), Field("name"), Field("departmentId"), title.Length == 0 ? null : title, pay, null, active));
            lines.Add(line);
        }
        if (employees.Count == 0) errors.Add(new ValidationError("body", "holds no employee rows"));
        return (employees, lines, errors);
    }

    /// <summary>Maps <c>employees[i].field</c> from the change to <c>rows[line].field</c> of the CSV.</summary>
    public static string ToLine(string item, List<int> lines)
    {
        var match = IndexPattern().Match(item);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var index) && index < lines.Count
            ? $"rows[{lines[index]}]{item[match.Length..]}"
            : item;
    }

    [GeneratedRegex(@"^employees\[(\d+)\]")]
    private static partial Regex IndexPattern();
}
