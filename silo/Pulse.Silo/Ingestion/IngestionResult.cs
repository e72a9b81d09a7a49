namespace Pulse.Silo.Ingestion;

/// <summary>The answer to an ingestion request: counts, then every item's outcome in request order.</summary>
public sealed record IngestionResult(int Accepted, int Duplicates, int Rejected, IReadOnlyList<ItemOutcome> Items);
