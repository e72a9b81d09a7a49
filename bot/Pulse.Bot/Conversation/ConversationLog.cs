using Microsoft.Extensions.Logging;

namespace Pulse.Bot.Conversation;

/// <summary>The conversation's log lines: intents and outcomes only, never names or message texts.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "Bot turn failed for intent {Intent} in tenant {TenantId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string intent, string tenantId);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Could not remember the chat language of a user in tenant {TenantId}")]
    public static partial void LocaleNotRemembered(ILogger logger, Exception exception, string tenantId);
}
