using Pulse.Organisation;
using Pulse.Reviews;

namespace Pulse.Payroll;

/// <summary>Rules of a payroll endpoint, checked whole before anything is stored; each error names its field.</summary>
public static class PayrollEndpointValidator
{
    public const int MaxUrlLength = 2_048;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;

    public static ValidationError[] Check(PayrollEndpointInput input, bool hasSecret, PayrollOptions options)
    {
        var errors = new ValidationErrors();
        if (input.Url is null) errors.Add("url", "is required");
        else if (CheckUrl(input.Url, options) is { } reason) errors.Add("url", reason);
        if (input.Secret is null)
        {
            if (!hasSecret) errors.Add("secret", "is required: the signing secret the payroll system verifies requests with");
        }
        else if (input.Secret.Length is < MinSecretLength or > MaxSecretLength || input.Secret.Any(char.IsControl) || input.Secret.Trim().Length != input.Secret.Length)
        {
            errors.Add("secret", $"{MinSecretLength} to {MaxSecretLength} characters, no control characters, no leading or trailing spaces");
        }
        return errors.ToArray();
    }

    /// <summary>Why a URL is refused, or null: absolute https (plain http only to a loopback host, when allowed), no user info, no fragment.</summary>
    public static string? CheckUrl(string url, PayrollOptions options)
    {
        if (url.Length is 0 or > MaxUrlLength) return $"is required, at most {MaxUrlLength} characters";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host)) return "must be an absolute https URL";
        var insecureAllowed = options.AllowInsecureLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
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
