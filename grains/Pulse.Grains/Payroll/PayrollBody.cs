using System.Text.Json;
using Pulse.Reviews;

namespace Pulse.Payroll;

/// <summary>
/// The JSON a push posts: <c>{"tenantId","period","lines":[…]}</c>, each line its pay fields in camelCase with
/// decimals as JSON numbers and its own <c>idempotencyKey</c>. Written as UTF-8 bytes once, so the signature covers
/// exactly what is sent.
/// </summary>
public static class PayrollBody
{
    public static byte[] Write(string tenantId, string period, IReadOnlyList<(PayLine Line, string Key)> lines)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("tenantId", tenantId);
            json.WriteString("period", period);
            json.WriteStartArray("lines");
            foreach (var (line, key) in lines)
            {
                json.WriteStartObject();
                json.WriteString("period", line.Period);
                json.WriteString("employeeId", line.EmployeeId);
                json.WriteString("name", line.Name);
                json.WriteString("departmentId", line.DepartmentId);
                json.WriteString("grade", line.Grade);
                if (line.Composite is { } composite) json.WriteNumber("composite", composite);
                else json.WriteNull("composite");
                json.WriteNumber("base", line.Base);
                json.WriteNumber("coefficient", line.Coefficient);
                json.WriteNumber("amount", line.Amount);
                json.WriteString("currency", line.Currency);
                json.WriteString("idempotencyKey", key);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
