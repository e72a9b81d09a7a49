namespace Pulse.Templates;

[GenerateSerializer]
public enum SourceKind
{
    /// <summary>Computed from business events.</summary>
    Measure,

    /// <summary>Given by the manager on a 1–5 scale in the review.</summary>
    Rating,
}
