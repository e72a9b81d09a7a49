namespace Pulse.Reviews;

public sealed record PayrollGradeLine(string Grade, int Headcount, decimal Amount);
