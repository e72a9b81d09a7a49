using Microsoft.Extensions.Options;

namespace Pulse.Chat;

/// <summary>Source-generated data-annotation validation of <see cref="ChatUserOptions"/>.</summary>
[OptionsValidator]
public sealed partial class ChatUserOptionsValidator : IValidateOptions<ChatUserOptions>;
