using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Pulse.Organisation;
using Pulse.Silo.Demo;

namespace Pulse.LoadGenerator;

/// <summary>
/// Serialises request bodies ahead of the run: JSON arrays of the seed company's business events (the demo
/// simulator's mix: loans with occasional defaults and complaints, tickets, releases and bugs) for employees picked
/// at random, each with a unique id.
/// </summary>
public static class EventBodies
{
    private static readonly string[] Products = ["消费贷", "经营贷", "车贷"];

    /// <summary>The bodies; every event happened at <paramref name="at"/> (now when not given).</summary>
    public static byte[][] Build(IReadOnlyList<Employee> employees, int bodies, int batch, string runTag, DateTimeOffset? at = null)
    {
        var result = new byte[bodies][];
        var occurredAt = (at ?? DateTimeOffset.UtcNow).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        Parallel.For(0, bodies, () => new ArrayBufferWriter<byte>(batch * 200), (b, _, buffer) =>
        {
            var random = new Random(b);
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartArray();
                for (var i = 0; i < batch; i++)
                {
                    Write(writer, employees[random.Next(employees.Count)], $"{runTag}-{b}-{i}", occurredAt, random);
                }
                writer.WriteEndArray();
            }
            result[b] = buffer.WrittenSpan.ToArray();
            return buffer;
        }, _ => { });
        return result;
    }

    private static void Write(Utf8JsonWriter writer, Employee employee, string id, string occurredAt, Random random)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        switch (employee.DepartmentId)
        {
            case DemoCompany.Business:
                var roll = random.NextDouble();
                if (roll < 0.03)
                {
                    Head(writer, "loan.defaulted", employee, occurredAt);
                    writer.WriteNumber("amount", random.Next(20_000, 120_000));
                }
                else if (roll < 0.07)
                {
                    Head(writer, "complaint.received", employee, occurredAt);
                    writer.WriteString("channel", "热线");
                }
                else
                {
                    Head(writer, "loan.disbursed", employee, occurredAt);
                    writer.WriteNumber("amount", random.Next(20_000, 120_000));
                    writer.WriteString("product", Products[random.Next(Products.Length)]);
                }
                break;
            case DemoCompany.Operations:
                if (random.NextDouble() < 0.03)
                {
                    Head(writer, "training.completed", employee, occurredAt);
                    writer.WriteString("course", "合规培训");
                }
                else
                {
                    Head(writer, "ticket.processed", employee, occurredAt);
                    writer.WriteNumber("minutes", Math.Round(10 + (random.NextDouble() * 50), 1));
                    writer.WriteBoolean("hasError", random.NextDouble() < 0.03);
                }
                break;
            default:
                if (random.NextDouble() < 0.4)
                {
                    Head(writer, "project.released", employee, occurredAt);
                    writer.WriteBoolean("onTime", random.NextDouble() < 0.85);
                }
                else
                {
                    Head(writer, "bug.reported", employee, occurredAt);
                    writer.WriteString("severity", random.Next(4) == 0 ? "high" : "low");
                }
                break;
        }
        writer.WriteEndObject(); // data
        writer.WriteString("source", "bench");
        writer.WriteEndObject();
    }

    /// <summary>Writes type, employee and time, and opens <c>data</c>.</summary>
    private static void Head(Utf8JsonWriter writer, string type, Employee employee, string occurredAt)
    {
        writer.WriteString("type", type);
        writer.WriteString("employeeId", employee.Id);
        writer.WriteString("occurredAt", occurredAt);
        writer.WriteStartObject("data");
    }
}
