using System.Globalization;

namespace Pulse.Silo.Tests.Infrastructure;

/// <summary>Business events of the seed company, as a sender would post them.</summary>
public static class TestEvents
{
    /// <summary>Mid-month of the open period in Shanghai, so the event always lands in the live month.</summary>
    public static DateTimeOffset Now => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));

    public static object Loan(string employeeId, decimal amount, string? id = null, DateTimeOffset? at = null) =>
        Make("loan.disbursed", employeeId, new { amount, product = "消费贷" }, id, at);

    public static object Default(string employeeId, decimal amount, string? id = null, DateTimeOffset? at = null) =>
        Make("loan.defaulted", employeeId, new { amount }, id, at);

    public static object Complaint(string employeeId, string? id = null) =>
        Make("complaint.received", employeeId, new { channel = "热线" }, id, null);

    public static object Make(string type, string employeeId, object data, string? id = null, DateTimeOffset? at = null) => new
    {
        id = id ?? Guid.NewGuid().ToString("N"),
        type,
        employeeId,
        occurredAt = (at ?? Now).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        data,
        source = "tests",
    };
}
