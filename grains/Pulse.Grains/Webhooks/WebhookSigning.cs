using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pulse.Webhooks;

/// <summary>The vendors' request signatures, exactly as their robot documentation defines them.</summary>
public static class WebhookSigning
{
    /// <summary>
    /// 钉钉 加签: base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)), URL-encoded, with the
    /// timestamp in milliseconds; both go into the query string.
    /// </summary>
    public static string DingTalk(long timestampMilliseconds, string secret)
    {
        var message = timestampMilliseconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message));
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// 飞书 签名校验: base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = empty)), the timestamp in seconds;
    /// both go into the JSON body.
    /// </summary>
    public static string Feishu(long timestampSeconds, string secret)
    {
        var key = timestampSeconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Array.Empty<byte>());
        return Convert.ToBase64String(mac);
    }
}
