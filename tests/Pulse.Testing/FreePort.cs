using System.Net;
using System.Net.Sockets;

// The namespace is where the type first lived, so tests that use it need no change.
namespace Pulse.Silo.Tests.Infrastructure;

/// <summary>A TCP port on 127.0.0.1 that was free a moment ago (another process may still take it first).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
