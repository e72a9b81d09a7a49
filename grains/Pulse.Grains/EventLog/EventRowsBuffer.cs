using Npgsql;
using NpgsqlTypes;

namespace Pulse.EventLog;

/// <summary>Column arrays of the rows a PostgreSQL batch inserts, bound to one unnest() insert.</summary>
internal sealed class EventRowsBuffer
{
    private readonly List<string> _tenants = [];
    private readonly List<string> _employees = [];
    private readonly List<long> _seqs = [];
    private readonly List<string> _ids = [];
    private readonly List<string> _types = [];
    private readonly List<string> _occurred = [];
    private readonly List<string> _periods = [];
    private readonly List<string> _data = [];
    private readonly List<string?> _sources = [];

    public int Count => _seqs.Count;

    public void Add(StreamId stream, long seq, PendingEvent pending)
    {
        _tenants.Add(stream.TenantId);
        _employees.Add(stream.EmployeeId);
        _seqs.Add(seq);
        _ids.Add(pending.Event.Id);
        _types.Add(pending.Event.Type);
        _occurred.Add(EventTime.Format(pending.Event.OccurredAt));
        _periods.Add(pending.Period);
        _data.Add(pending.Event.Data);
        _sources.Add(pending.Event.Source);
    }

    public void AddParameters(NpgsqlParameterCollection parameters)
    {
        parameters.Add(PostgresArrays.Text("tenants", _tenants));
        parameters.Add(PostgresArrays.Text("employees", _employees));
        parameters.Add(PostgresArrays.Bigint("seqs", _seqs));
        parameters.Add(PostgresArrays.Text("ids", _ids));
        parameters.Add(PostgresArrays.Text("types", _types));
        parameters.Add(PostgresArrays.Text("occurred", _occurred));
        parameters.Add(PostgresArrays.Text("periods", _periods));
        parameters.Add(PostgresArrays.Text("data", _data));
        parameters.Add(PostgresArrays.Text("sources", _sources));
    }
}
