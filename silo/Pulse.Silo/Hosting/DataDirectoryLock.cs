namespace Pulse.Silo.Hosting;

/// <summary>
/// An exclusive lock on the embedded store's data folder, held for the process's lifetime: two silos writing the same
/// SQLite files would overwrite each other's grain state. The operating system releases it when the process ends in
/// any way, SIGKILL included, so a restart after a crash is never locked out.
/// </summary>
public sealed class DataDirectoryLock : IHostedService, IDisposable
{
    public const string FileName = ".lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, or throws <see cref="StartupException"/> naming the folder if another process holds it.</summary>
    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new StartupException($"Pulse cannot start: its data folder {dataDirectory} is in use by another Pulse process; stop that one, or give this one its own folder with --Pulse:DataDirectory=<path>.");
        }
    }

    // A hosted service only so that the host owns it: resolved at start, released when the host is disposed (a test's
    // restart on the same folder), and by the operating system when the process ends.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _file.Dispose();
}
