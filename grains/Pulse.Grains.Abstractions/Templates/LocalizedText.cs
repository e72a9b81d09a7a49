namespace Pulse.Templates;

[GenerateSerializer, Immutable, Alias("pulse.text")]
public sealed record LocalizedText(
    [property: Id(0)] string Zh,
    [property: Id(1)] string? En = null)
{
    public string For(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(En) ? En : Zh;
}
