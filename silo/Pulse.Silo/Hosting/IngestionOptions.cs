using System.ComponentModel.DataAnnotations;

namespace Pulse.Silo.Hosting;

/// <summary>Which occurrence times ingestion finds plausible (section <c>Pulse:Ingestion</c>).</summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string Section = "Pulse:Ingestion";

    /// <summary>How far ahead of the silo's clock an event may be dated (senders' clocks drift; a day covers any zone mix-up).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The earliest occurrence accepted: history before it is not migrated into Pulse.</summary>
    public DateTimeOffset HistoryStart { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFutureSkew < TimeSpan.Zero || MaxFutureSkew > TimeSpan.FromDays(31))
            yield return new ValidationResult($"{Section}:MaxFutureSkew must be between 0 and 31 days.", [nameof(MaxFutureSkew)]);
        if (HistoryStart.Year < 1970 || HistoryStart > DateTimeOffset.UtcNow)
            yield return new ValidationResult($"{Section}:HistoryStart must lie between 1970 and now.", [nameof(HistoryStart)]);
    }
}
