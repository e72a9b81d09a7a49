namespace Pulse.Silo.Hosting;

/// <summary>A reason the silo cannot start that the person starting it can act on; its message is the one line printed.</summary>
public sealed class StartupException(string message) : Exception(message);
