using System.Net;
using System.Net.Sockets;

namespace Pulse.Silo.Hosting;

/// <summary>
/// Finds a port that is already taken before anything starts, so the person starting Pulse reads one line instead of
/// a stack trace from deep inside Kestrel or Orleans. Another process may still take a port between this check and the
/// bind; <see cref="StartupFailure"/> turns that bind failure into one line too.
/// </summary>
public static class PortCheck
{
    /// <summary>Throws <see cref="StartupException"/> if <paramref name="port"/> on <paramref name="address"/> is in use.</summary>
    public static void EnsureFree(IPAddress address, int port, string setting)
    {
        if (port == 0) return;
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new StartupException($"Pulse cannot start: port {port} on {address} ({setting}) is already in use, perhaps by another Pulse; stop it, or choose another port with {setting}.");
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Checks the HTTP addresses given with <c>--urls</c> or <c>ASPNETCORE_URLS</c>, when there are any.</summary>
    public static void EnsureFree(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var binding = BindingAddress.Parse(url);
            if (binding.IsUnixPipe || binding.IsNamedPipe) continue;
            var address = binding.Host == "localhost" ? IPAddress.Loopback
                : IPAddress.TryParse(binding.Host.Trim('[', ']'), out var ip) ? ip
                : IPAddress.Any; // "*", "+" or a host name: Kestrel listens on every interface
            EnsureFree(address, binding.Port, "--urls");
        }
    }
}
