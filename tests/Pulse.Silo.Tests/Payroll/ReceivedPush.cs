using System.Text.Json.Nodes;

namespace Pulse.Silo.Tests.Payroll;

/// <summary>One POST the payroll stand-in took: its JSON body, its idempotency key, and whether the signature checked out.</summary>
public sealed record ReceivedPush(JsonNode Body, string? IdempotencyKey, bool SignatureValid)
{
    public JsonArray Lines => Body["lines"]!.AsArray();

    public string[] EmployeeIds => [.. Lines.Select(l => l!["employeeId"]!.GetValue<string>())];
}
