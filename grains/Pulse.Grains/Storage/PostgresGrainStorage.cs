using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Pulse.Storage;

/// <summary>
/// Grain state in PostgreSQL: production's store for state that must survive (organisation, accounts, snapshots),
/// shared by every silo. Writes are guarded by the ETag, a version number, so a stale activation on another silo
/// fails loudly instead of overwriting newer state.
/// </summary>
public sealed partial class PostgresGrainStorage(
    string name,
    PostgresGrainStorageOptions options,
    ILogger<PostgresGrainStorage> logger,
    IActivatorProvider activators) : IGrainStorage, IAsyncDisposable
{
    private const long SchemaLockKey = 0x5075_6c73_6547_7261;
    private readonly string _table = $"{options.Schema}.grain_state";
    private readonly PostgresStore _store = new(NpgsqlDataSource.Create(options.ConnectionString), SchemaLockKey, $"""
        CREATE SCHEMA IF NOT EXISTS {options.Schema};
        CREATE TABLE IF NOT EXISTS {options.Schema}.grain_state (
            grain_type text NOT NULL,
            grain_id   text NOT NULL,
            etag       bigint NOT NULL,
            payload    bytea NOT NULL,
            PRIMARY KEY (grain_type, grain_id));
        """);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var command = await CommandAsync($"SELECT etag, payload FROM {_table} WHERE grain_type = $1 AND grain_id = $2", stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var payload = (byte[])reader.GetValue(1);
        grainState.State = options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload)) ?? activators.GetActivator<T>().Create();
        grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var expected = ParseEtag(grainState.ETag);
        var next = (expected ?? 0) + 1;
        await using var command = expected is null
            ? await CommandAsync($"INSERT INTO {_table} (grain_type, grain_id, etag, payload) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", stateName, grainId)
            : await CommandAsync($"UPDATE {_table} SET etag = $3, payload = $4 WHERE grain_type = $1 AND grain_id = $2 AND etag = $5", stateName, grainId);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = next });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload, NpgsqlDbType = NpgsqlDbType.Bytea });
        if (expected is not null) command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected.Value });

        if (await command.ExecuteNonQueryAsync() != 1) throw await ConflictAsync(stateName, grainId, grainState.ETag, "write");
        grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (ParseEtag(grainState.ETag) is { } expected)
        {
            await using var command = await CommandAsync($"DELETE FROM {_table} WHERE grain_type = $1 AND grain_id = $2 AND etag = $3", stateName, grainId);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
            if (await command.ExecuteNonQueryAsync() != 1) throw await ConflictAsync(stateName, grainId, grainState.ETag, "clear");
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static long? ParseEtag(string? etag) => long.TryParse(etag, out var version) ? version : null;

    private async Task<InconsistentStateException> ConflictAsync(string stateName, GrainId grainId, string? expected, string operation)
    {
        await using var command = await CommandAsync($"SELECT etag FROM {_table} WHERE grain_type = $1 AND grain_id = $2", stateName, grainId);
        var stored = (await command.ExecuteScalarAsync())?.ToString();
        LogConflict(logger, name, operation, stateName, expected, stored);
        return new InconsistentStateException($"ETag mismatch on {operation} of {stateName} in grain storage '{name}'.", stored ?? "(none)", expected ?? "(none)");
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, string stateName, GrainId grainId)
    {
        var command = await _store.CommandAsync(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        return command;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {StorageName}: ETag conflict on {Operation} of {StateName}, expected {ExpectedEtag}, stored {StoredEtag}")]
    private static partial void LogConflict(ILogger logger, string storageName, string operation, string stateName, string? expectedEtag, string? storedEtag);
}
