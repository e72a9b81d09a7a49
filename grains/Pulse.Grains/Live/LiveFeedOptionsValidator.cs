using Microsoft.Extensions.Options;

namespace Pulse.Live;

/// <summary>Source-generated data-annotation validation of <see cref="LiveFeedOptions"/>.</summary>
[OptionsValidator]
public sealed partial class LiveFeedOptionsValidator : IValidateOptions<LiveFeedOptions>;
