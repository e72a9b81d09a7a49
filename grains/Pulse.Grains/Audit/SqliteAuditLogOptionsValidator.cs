using Microsoft.Extensions.Options;

namespace Pulse.Audit;

/// <summary>Source-generated data-annotation validation of <see cref="SqliteAuditLogOptions"/>.</summary>
[OptionsValidator]
public sealed partial class SqliteAuditLogOptionsValidator : IValidateOptions<SqliteAuditLogOptions>;
