namespace Pulse.Scoring;

/// <summary>How one aggregate reads an event of its type: indexes into the fields the route reads (-1 for none).</summary>
internal sealed record AggregateBinding(AggregateSpec Spec, int ValueField, int FilterField, FieldFilter? Filter)
{
    public bool Accepts(FieldValue[] fields) => Filter is null || Filter.Matches(fields[FilterField]);
}
