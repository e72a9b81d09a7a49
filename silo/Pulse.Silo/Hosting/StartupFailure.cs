using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Pulse.Silo.Hosting;

/// <summary>Recognises the start-up failures a person can act on and says each in one line.</summary>
public static class StartupFailure
{
    /// <summary>The line to print for <paramref name="exception"/>, or null if it is not one of those failures.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        StartupException e => e.Message,
        // Kestrel's bind failure names the address: "Failed to bind to address http://…: address already in use."
        IOException { InnerException: AddressInUseException } e => $"Pulse cannot start: {e.Message} Stop what listens there, or choose another address with --urls.",
        _ when InChain(exception) is { } socket => $"Pulse cannot start: {socket.Message}.",
        _ => null,
    };

    private static SocketException? InChain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } socket) return socket;
        }
        return null;
    }
}
