namespace Pulse.Organisation;

/// <summary>The answer to a change: applied whole at <see cref="Version"/>, or refused whole with <see cref="Errors"/>.</summary>
[GenerateSerializer, Immutable, Alias("pulse.change-result")]
public sealed record ChangeResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] long Version,
    [property: Id(2)] ValidationError[] Errors,
    [property: Id(3)] string[] AffectedEmployees)
{
    public static ChangeResult Refused(params ValidationError[] errors) => new(false, 0, errors, []);
}
