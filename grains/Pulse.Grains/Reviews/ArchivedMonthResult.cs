namespace Pulse.Reviews;

/// <summary>A result together with its month (<c>yyyy-MM</c>), as an import writes it and a read returns it.</summary>
public sealed record ArchivedMonthResult(string Period, ArchivedResult Result, DateTimeOffset WrittenAt = default);
