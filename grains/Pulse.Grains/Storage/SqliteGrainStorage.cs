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
    private readonly SqliteStore _store = new(options.Path, SqliteGrainStorageSchema.Create);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _store.ReadAsync(async (command, ct) =>
    {
        Prepare(command, SqliteGrainStorageSchema.Read, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var payload = (byte[])reader.GetValue(1);
        grainState.State = options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload)) ?? activators.GetActivator<T>().Create();
        grainState.ETag = reader.GetString(0);
        grainState.RecordExists = true;
    });

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag;
        var next = NextEtag(expected);
        await _store.WriteAsync(async (command, ct) =>
        {
            Prepare(command, expected is null ? SqliteGrainStorageSchema.Insert : SqliteGrainStorageSchema.Update, stateName, grainId);
            command.Parameters.AddWithValue("$etag", next);
            command.Parameters.AddWithValue("$payload", payload);
            if (expected is not null) command.Parameters.AddWithValue("$expected", expected);
            if (await command.ExecuteNonQueryAsync(ct) != 1) throw await ConflictAsync(command, stateName, grainId, expected, "write");
        });

        grainState.ETag = next;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is { } expected)
        {
            await _store.WriteAsync(async (command, ct) =>
            {
                Prepare(command, SqliteGrainStorageSchema.Delete, stateName, grainId);
                command.Parameters.AddWithValue("$expected", expected);
                if (await command.ExecuteNonQueryAsync(ct) != 1) throw await ConflictAsync(command, stateName, grainId, expected, "clear");
            });
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    // A version number as the ETag: readable when a conflict is reported, and it never repeats for a record.
    private static string NextEtag(string? current) =>
        long.TryParse(current, out var version) ? (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1";

    /// <summary>Reads the stored ETag in the failed write's transaction, logs the conflict and builds the exception.</summary>
    private async Task<InconsistentStateException> ConflictAsync(SqliteCommand failed, string stateName, GrainId grainId, string? expected, string operation)
    {
        await using var command = failed.Connection!.CreateCommand();
        command.Transaction = failed.Transaction;
        Prepare(command, SqliteGrainStorageSchema.ReadEtag, stateName, grainId);
        var stored = await command.ExecuteScalarAsync() as string;
        LogConflict(logger, name, operation, stateName, expected, stored);
        return new InconsistentStateException(
            $"ETag mismatch on {operation} of {stateName} in grain storage '{name}'.", stored ?? "(none)", expected ?? "(none)");
    }

    private static void Prepare(SqliteCommand command, string sql, string stateName, GrainId grainId)
    {
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
    }

    public void Dispose() => _store.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {StorageName}: ETag conflict on {Operation} of {StateName}, expected {ExpectedEtag}, stored {StoredEtag}")]
    private static partial void LogConflict(ILogger logger, string storageName, string operation, string stateName, string? expectedEtag, string? storedEtag);
}
