namespace Pulse.Storage;

/// <summary>What every SQLite store does before its first connection: make sure the file's folder exists.</summary>
internal static class SqliteFiles
{
    public static void EnsureDirectoryFor(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
