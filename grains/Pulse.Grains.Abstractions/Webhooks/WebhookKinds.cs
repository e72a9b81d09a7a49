namespace Pulse.Webhooks;

/// <summary>The chat tools a webhook target can post to; each has its own payload and, for some, its own signature.</summary>
public static class WebhookKinds
{
    /// <summary>企业微信群机器人: the key in the URL is the secret.</summary>
    public const string WeCom = "wecom";

    /// <summary>钉钉自定义机器人: access token in the URL, plus a signing secret (加签).</summary>
    public const string DingTalk = "dingtalk";

    /// <summary>飞书自定义机器人: the hook id in the URL, plus an optional signing secret (签名校验).</summary>
    public const string Feishu = "feishu";

    /// <summary>A Slack incoming webhook: the URL is the secret.</summary>
    public const string Slack = "slack";

    /// <summary>A Microsoft Teams incoming webhook or Workflows URL: the URL is the secret.</summary>
    public const string Teams = "teams";

    public static readonly IReadOnlyList<string> All = [WeCom, DingTalk, Feishu, Slack, Teams];

    /// <summary>Kinds whose vendor signs requests with a secret of its own beside the URL.</summary>
    public static bool Signs(string kind) => kind is DingTalk or Feishu;
}
