using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pulse.Payroll;

/// <summary>
/// The push's signature: <c>sha256=</c> and the lowercase hex of HMAC-SHA256 with the tenant's secret as key over
/// <c>timestamp + "." + body</c>, the timestamp in unix seconds exactly as sent in <c>X-Pulse-Timestamp</c> and the
/// body as the exact UTF-8 bytes sent.
/// </summary>
public static class PayrollSigning
{
    public const string TimestampHeader = "X-Pulse-Timestamp";
    public const string SignatureHeader = "X-Pulse-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string Sign(string secret, long timestampSeconds, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestampSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        byte[] message = [.. prefix, .. body];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
