using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pulse.Reviews;

namespace Pulse.Payroll;

/// <summary>
/// What makes a line the same line: a SHA-256 over its fields in a fixed order (decimals normalised, so 1.5 and 1.50
/// are one value); and the idempotency keys a receiver de-duplicates by.
/// </summary>
public static class PayLineHash
{
    public static string Content(PayLine line) => Hex(string.Join('\u001f',
        line.Period, line.EmployeeId, line.Name, line.DepartmentId, line.Grade,
        line.Composite is { } composite ? Number(composite) : "", Number(line.Base), Number(line.Coefficient), Number(line.Amount), line.Currency));

    /// <summary>One line's key: the tenant, the period, the employee and the content; the same line sent twice has the same key.</summary>
    public static string LineKey(string tenantId, string period, string employeeId, string contentHash) =>
        Hex(string.Join('\n', tenantId, period, employeeId, contentHash));

    /// <summary>A request's key: its lines' keys in order; a retried request carries the same key.</summary>
    public static string BatchKey(IEnumerable<string> lineKeys) => Hex(string.Join('\n', lineKeys));

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
