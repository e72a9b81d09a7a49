using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Pulse.Storage;

/// <summary>
/// Grain state in a SQLite file: the embedded default for state that must survive a restart. Writes are guarded by
/// the ETag (optimistic concurrency), so a stale activation fails loudly instead of overwriting newer state.
/// </summary>
public sealed partial class SqliteGrainStorage(
    string name,
    SqliteGrainStorageOptions options,
    ILogger<SqliteGrainStorage> logger,
    IActivatorProvider activators) : IGrainStorage, IDisposable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    private readonly InitializeOnce _initialization = new();

    private readonly SqliteWriteGate _writeGate = SqliteWriteGate.For(options.Path);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, SqliteGrainStorageSchema.Read, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var payload = (byte[])reader.GetValue(1);
        grainState.State = options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload)) ?? activators.GetActivator<T>().Create();
        grainState.ETag = reader.GetString(0);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag;
        var next = NextEtag(expected);
        await _writeGate.RunAsync(() => WriteAsync(stateName, grainId, grainState, payload, expected, next));
    }

    private async Task WriteAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, byte[] payload, string? expected, string next)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, expected is null ? SqliteGrainStorageSchema.Insert : SqliteGrainStorageSchema.Update, stateName, grainId);
        command.Parameters.AddWithValue("$etag", next);
        command.Parameters.AddWithValue("$payload", payload);
        if (expected is not null)
        {
            command.Parameters.AddWithValue("$expected", expected);
        }

        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw await ConflictAsync(connection, stateName, grainId, expected, "write");
        }

        grainState.ETag = next;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = grainState.ETag;
        if (expected is not null)
        {
            await _writeGate.RunAsync(() => DeleteAsync(stateName, grainId, expected));
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task DeleteAsync(string stateName, GrainId grainId, string expected)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, SqliteGrainStorageSchema.Delete, stateName, grainId);
        command.Parameters.AddWithValue("$expected", expected);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw await ConflictAsync(connection, stateName, grainId, expected, "clear");
        }
    }

    // A version number as the ETag: readable when a conflict is reported, and it never repeats for a record.
    private static string NextEtag(string? current) =>
        long.TryParse(current, out var version) ? (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1";

    private async Task<InconsistentStateException> ConflictAsync(SqliteConnection connection, string stateName, GrainId grainId, string? expected, string operation)
    {
        await using var command = Command(connection, SqliteGrainStorageSchema.ReadEtag, stateName, grainId);
        var stored = await command.ExecuteScalarAsync() as string;
        LogConflict(logger, name, operation, stateName, expected, stored);
        return new InconsistentStateException(
            $"ETag mismatch on {operation} of {stateName} in grain storage '{name}'.", stored ?? "(none)", expected ?? "(none)");
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        return command;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        if (!_initialization.Done) SqliteFiles.EnsureDirectoryFor(options.Path);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await SqliteDurability.ApplyWriterPragmasAsync(connection);
        await _initialization.RunAsync(async ct =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;" + SqliteGrainStorageSchema.Create;
            await command.ExecuteNonQueryAsync(ct);
        });
        return connection;
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initialization.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {StorageName}: ETag conflict on {Operation} of {StateName}, expected {ExpectedEtag}, stored {StoredEtag}")]
    private static partial void LogConflict(ILogger logger, string storageName, string operation, string stateName, string? expectedEtag, string? storedEtag);
}
