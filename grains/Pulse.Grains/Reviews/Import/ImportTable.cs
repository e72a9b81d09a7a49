namespace Pulse.Reviews;

/// <summary>A file's cells as text: the header row, then each row with its row number in the file.</summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> Rows);
