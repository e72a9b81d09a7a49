using System.Text.Json;

namespace Pulse.DashboardBench;

/// <summary>How many events of each employee a prepared request body holds.</summary>
public static class BodyCounts
{
    public static (int Employee, int Events)[][] Count(byte[][] bodies, IReadOnlyDictionary<string, int> employeeIndex)
    {
        var result = new (int, int)[bodies.Length][];
        Parallel.For(0, bodies.Length, b =>
        {
            var counts = new Dictionary<int, int>();
            var reader = new Utf8JsonReader(bodies[b]);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 2 || !reader.ValueTextEquals("employeeId"u8)) continue;
                reader.Read();
                var employee = employeeIndex[reader.GetString()!];
                counts[employee] = counts.GetValueOrDefault(employee) + 1;
            }
            result[b] = counts.Select(c => (c.Key, c.Value)).ToArray();
        });
        return result;
    }
}
