using System.Globalization;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// One business event of the seed month as the test plans it: the fields the seed's templates read (an amount, minutes,
/// a yes/no), so the hand calculation tallies the same events the API is sent.
/// </summary>
public sealed record PlannedEvent(string Id, string Type, string EmployeeId, DateTimeOffset OccurredAt, decimal Amount = 0, int Minutes = 0, bool Flag = false)
{
    /// <summary>The event as a business system posts it to <c>/api/v1/events</c>.</summary>
    public object ToWire() => new
    {
        id = Id,
        type = Type,
        employeeId = EmployeeId,
        occurredAt = OccurredAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        data = Data(),
        source = "acceptance",
    };

    private object Data() => Type switch
    {
        "loan.disbursed" => new { amount = Amount, product = "消费贷" },
        "loan.defaulted" => new { amount = Amount },
        "complaint.received" => new { channel = "热线" },
        "ticket.processed" => new { minutes = Minutes, hasError = Flag },
        "training.completed" => new { course = "合规培训" },
        "project.released" => new { onTime = Flag },
        "bug.reported" => new { severity = "minor" },
        _ => throw new ArgumentException($"The seed month plans no '{Type}' event."),
    };
}
