using System.Globalization;
using System.Text;
using Pulse.Organisation;
using Pulse.Scoring;
using Pulse.Silo.Demo;

namespace Pulse.ReviewBench;

/// <summary>
/// Past months' final results as a company moving to Pulse exports them: one CSV row per employee and month with the
/// composite, the grade and each indicator of the employee's template (the import's column layout). The numbers are
/// drawn from a fixed seed, so every run imports the same history.
/// </summary>
public static class HistoryFile
{
    private static readonly string[] Indicators =
        ["loan-volume", "bad-debt-rate", "complaint-rate", "processing-time", "error-rate", "training", "on-time-release", "bug-rate", "attitude", "teamwork"];

    /// <summary>The months before <paramref name="month"/>, oldest first.</summary>
    public static string[] MonthsBefore(string month, int count)
    {
        var months = new string[count];
        var period = month;
        for (var i = count - 1; i >= 0; i--) months[i] = period = Period.Previous(period);
        return months;
    }

    public static byte[] Csv(IReadOnlyList<Employee> employees, IReadOnlyList<string> months)
    {
        var csv = new StringBuilder(employees.Count * months.Count * 64);
        csv.Append("employeeId,month,composite,grade");
        foreach (var id in Indicators) csv.Append(",ind:").Append(id);
        csv.Append('\n');
        for (var m = 0; m < months.Count; m++)
        {
            for (var e = 0; e < employees.Count; e++)
            {
                var random = new Random((m * 100_003) + e);
                var composite = Math.Round(40m + (decimal)(random.NextDouble() * 60), 2);
                var values = new string[Indicators.Length];
                switch (employees[e].DepartmentId)
                {
                    case DemoCompany.Business:
                        values[0] = Number(random.Next(300_000, 1_600_000));
                        values[1] = Number(Math.Round((decimal)(random.NextDouble() * 8), 2));
                        values[2] = Number(Math.Round((decimal)(random.NextDouble() * 10), 2));
                        values[8] = Number(random.Next(1, 6));
                        break;
                    case DemoCompany.Operations:
                        values[3] = Number(Math.Round(15m + (decimal)(random.NextDouble() * 45), 1));
                        values[4] = Number(Math.Round((decimal)(random.NextDouble() * 6), 2));
                        values[5] = Number(random.Next(0, 6));
                        values[8] = Number(random.Next(1, 6));
                        break;
                    default:
                        values[6] = Number(Math.Round(50m + (decimal)(random.NextDouble() * 50), 1));
                        values[7] = Number(Math.Round((decimal)(random.NextDouble() * 5), 1));
                        values[9] = Number(random.Next(1, 6));
                        break;
                }
                csv.Append(employees[e].Id).Append(',').Append(months[m]).Append(',').Append(Number(composite)).Append(',').Append(Grade(composite));
                foreach (var value in values) csv.Append(',').Append(value);
                csv.Append('\n');
            }
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The grade the default policy's bands give.</summary>
    private static string Grade(decimal composite) => composite switch
    {
        >= 90m => "S",
        >= 80m => "A",
        >= 70m => "B",
        >= 60m => "C",
        _ => "D",
    };

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
