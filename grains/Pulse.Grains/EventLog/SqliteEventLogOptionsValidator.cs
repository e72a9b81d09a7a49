using Microsoft.Extensions.Options;

namespace Pulse.EventLog;

/// <summary>Source-generated data-annotation validation of <see cref="SqliteEventLogOptions"/>.</summary>
[OptionsValidator]
public sealed partial class SqliteEventLogOptionsValidator : IValidateOptions<SqliteEventLogOptions>;
