namespace Pulse.Organisation;

/// <summary>Collects validation errors under a path prefix.</summary>
public sealed class ValidationErrors
{
    private readonly List<ValidationError> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string item, string reason) => _errors.Add(new ValidationError(item, reason));

    public void AddRange(IEnumerable<ValidationError> errors) => _errors.AddRange(errors);

    public ValidationError[] ToArray() => [.. _errors];
}
