using Microsoft.Extensions.Options;

namespace Pulse.Webhooks;

/// <summary>Source-generated data-annotation validation of <see cref="WebhookOptions"/>.</summary>
[OptionsValidator]
public sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;
