namespace Pulse.Webhooks;

/// <summary>One HTTP POST to a chat tool: where (signed, for DingTalk) and the JSON body.</summary>
public sealed record WebhookRequest(Uri Url, string Json);
