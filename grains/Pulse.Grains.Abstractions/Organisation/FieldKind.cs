namespace Pulse.Organisation;

/// <summary>The JSON kind a registered event field must have.</summary>
[GenerateSerializer]
public enum FieldKind
{
    Number,
    String,
    Boolean,
}
