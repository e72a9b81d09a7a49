namespace Pulse.Webhooks;

/// <summary>The alert kinds a target's filter may name.</summary>
public static class WebhookAlertKinds
{
    public const string Breach = "breach";

    public const string Recovery = "recovery";

    public static readonly IReadOnlyList<string> All = [Breach, Recovery];
}
