using Microsoft.Extensions.Options;

namespace Pulse.Storage;

/// <summary>Source-generated data-annotation validation of <see cref="SqliteGrainStorageOptions"/>.</summary>
[OptionsValidator]
public sealed partial class SqliteGrainStorageOptionsValidator : IValidateOptions<SqliteGrainStorageOptions>;
