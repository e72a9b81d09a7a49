namespace Pulse.Reviews;

/// <summary>One reason a file is refused: its row (the header is row 1, the first result row 2), the column, and why.</summary>
public sealed record ImportRowError(int Row, string Column, string Reason);
