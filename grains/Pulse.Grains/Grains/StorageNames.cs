namespace Pulse.Grains;

/// <summary>Names of the grain storage providers the silo must register.</summary>
public static class StorageNames
{
    /// <summary>Organisation and rules: must survive restarts.</summary>
    public const string Organisation = "organisation";

    /// <summary>Employee snapshots: an optimisation; losing one only means folding more of the log.</summary>
    public const string Snapshots = "snapshots";
}
