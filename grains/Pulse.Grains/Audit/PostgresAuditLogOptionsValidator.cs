using Microsoft.Extensions.Options;

namespace Pulse.Audit;

/// <summary>Source-generated data-annotation validation of <see cref="PostgresAuditLogOptions"/>.</summary>
[OptionsValidator]
public sealed partial class PostgresAuditLogOptionsValidator : IValidateOptions<PostgresAuditLogOptions>;
