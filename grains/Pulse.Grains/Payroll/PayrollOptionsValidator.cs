using Microsoft.Extensions.Options;

namespace Pulse.Payroll;

/// <summary>Source-generated data-annotation validation of <see cref="PayrollOptions"/>.</summary>
[OptionsValidator]
public sealed partial class PayrollOptionsValidator : IValidateOptions<PayrollOptions>;
