using System.Diagnostics;
using Npgsql;
using Xunit;

namespace Pulse.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for a test run: its own data folder, a free port on 127.0.0.1, trust auth, fsync on.
/// Meant as an xUnit assembly fixture; tests isolate themselves with a database or schema of their own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string InstallHint = "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. Install them with: apt-get install postgresql";

    // PostgreSQL refuses to run as root; as root we hand the folder to the postgres user and run its tools as that user.
    private static readonly bool RunningAsRoot = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private string _root = "";
    private string _data = "";
    private string _bin = "";

    public int Port { get; private set; }

    /// <summary>Connection string of the server's default <c>postgres</c> database as superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 20,
    }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries();
        _root = Path.Combine(Path.GetTempPath(), "pulse-pg-" + Guid.NewGuid().ToString("N"));
        _data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        if (RunningAsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _root], asPostgres: false);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", _data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]);

        // A port picked here can be taken before the server binds it; try a few.
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = Pulse.Silo.Tests.Infrastructure.FreePort.Next();
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"),
                [
                    "start", "-w", "-t", "60", "-D", _data, "-l", Path.Combine(_root, "server.log"),
                    "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_root} -c fsync=on -c max_connections=300",
                ], captureOutput: false);
                return;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
            }
        }

        var log = File.Exists(Path.Combine(_root, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(_root, "server.log")) : "";
        throw new InvalidOperationException($"PostgreSQL did not start. Server log:\n{log}", last);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(Path.Combine(_data, "global")))
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-m", "immediate", "-w", "-D", _data]);
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the folder goes regardless.
            }
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(InstallHint);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true, bool captureOutput = true)
    {
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            // pg_ctl start leaves the server running with our pipes if we capture them; then reading never ends.
            RedirectStandardOutput = captureOutput,
            RedirectStandardError = captureOutput,
        };
        if (asPostgres && RunningAsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = captureOutput ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
        var error = captureOutput ? process.StandardError.ReadToEndAsync() : Task.FromResult("");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
