using Microsoft.Extensions.Options;

namespace Pulse.EventLog;

/// <summary>Source-generated data-annotation validation of <see cref="PostgresEventLogOptions"/>.</summary>
[OptionsValidator]
public sealed partial class PostgresEventLogOptionsValidator : IValidateOptions<PostgresEventLogOptions>;
