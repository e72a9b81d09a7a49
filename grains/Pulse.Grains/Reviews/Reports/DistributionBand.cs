namespace Pulse.Reviews;

/// <summary>Composites in [<see cref="From"/>, <see cref="To"/>); the last band holds 100 and above.</summary>
public sealed record DistributionBand(int From, int? To, int Count);
