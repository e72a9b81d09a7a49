using Microsoft.Extensions.Options;

namespace Pulse.Storage;

[OptionsValidator]
public sealed partial class PostgresGrainStorageOptionsValidator : IValidateOptions<PostgresGrainStorageOptions>;
