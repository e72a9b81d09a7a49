using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Pulse.Silo.Problems;

/// <summary>A connection's transport whose output answers Kestrel's own refusals with problem documents.</summary>
public sealed class ServerRefusalPipe(IDuplexPipe transport) : IDuplexPipe
{
    public PipeReader Input { get; } = transport.Input;

    public PipeWriter Output { get; } = new ServerRefusalWriter(transport.Output);

    /// <summary>Wraps every HTTP/1.x connection of <paramref name="listen"/>.</summary>
    public static void Use(ListenOptions listen) => listen.Use(next => async connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new ServerRefusalPipe(transport);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    });
}
