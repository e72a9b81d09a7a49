namespace Pulse.Security;

/// <summary>
/// The rules for a URL a tenant gives Pulse to call (a webhook, a payroll endpoint): absolute https (plain http only
/// to a loopback host, when the host allows it for tests), no user info, no fragment; and how views show it.
/// </summary>
public static class OutboundUrl
{
    public const int MaxLength = 2_048;

    /// <summary>Why the URL is refused, or null.</summary>
    public static string? Check(string url, bool allowInsecureLoopback)
    {
        if (url.Length is 0 or > MaxLength) return $"is required, at most {MaxLength} characters";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host)) return "must be an absolute https URL";
        var insecureAllowed = allowInsecureLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !insecureAllowed) return "must use https";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "must not hold a user name or password";
        if (!string.IsNullOrEmpty(uri.Fragment)) return "must not have a fragment";
        return null;
    }

    /// <summary>What views show of a URL: scheme, host and port, never the path or query (they may hold a token).</summary>
    public static string Mask(string url)
    {
        var uri = new Uri(url);
        return $"{uri.Scheme}://{uri.Host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}/…";
    }
}
