using Pulse.Organisation;

namespace Pulse.Webhooks;

/// <summary>Bounds and rules of a target, checked whole before anything is stored; each error names its field.</summary>
public static class WebhookTargetValidator
{
    public const int MaxNameLength = 80;
    public const int MaxUrlLength = 2_048;
    public const int MaxSecretLength = 256;
    public const int MaxFilterItems = 50;
    public const int MaxIdLength = 64;

    public static readonly IReadOnlyList<string> Locales = ["zh-CN", "en-US"];

    public static ValidationError[] Check(WebhookTargetInput input, bool creating, WebhookOptions options, CompiledRules? rules)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > MaxNameLength || input.Name.Any(char.IsControl))
            errors.Add("name", $"is required, at most {MaxNameLength} characters, no control characters");
        if (!WebhookKinds.All.Contains(input.Kind)) errors.Add("kind", $"'{Clip(input.Kind)}' is not a kind; use {string.Join(", ", WebhookKinds.All)}");
        if (input.Url is null) { if (creating) errors.Add("url", "is required"); }
        else if (CheckUrl(input.Url, options) is { } reason) errors.Add("url", reason);
        if (!string.IsNullOrEmpty(input.Secret))
        {
            if (input.Secret.Length > MaxSecretLength || input.Secret.Any(char.IsControl)) errors.Add("secret", $"at most {MaxSecretLength} characters, no control characters");
            else if (WebhookKinds.All.Contains(input.Kind) && !WebhookKinds.Signs(input.Kind)) errors.Add("secret", $"only {WebhookKinds.DingTalk} and {WebhookKinds.Feishu} sign their requests; a {input.Kind} URL holds its own secret");
        }
        if (input.Locale is not null && !Locales.Contains(input.Locale)) errors.Add("locale", $"use {string.Join(" or ", Locales)}, or leave it out for the tenant's");
        CheckFilter(input.Filter, rules, errors);
        return errors.ToArray();
    }

    /// <summary>Why a URL is refused, or null: absolute https (plain http only to a loopback host, when allowed), no user info, no fragment.</summary>
    public static string? CheckUrl(string url, WebhookOptions options)
    {
        if (url.Length is 0 or > MaxUrlLength) return $"is required, at most {MaxUrlLength} characters";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host)) return "must be an absolute https URL";
        var insecureAllowed = options.AllowInsecureLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !insecureAllowed) return "must use https";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "must not hold a user name or password";
        if (!string.IsNullOrEmpty(uri.Fragment)) return "must not have a fragment";
        return null;
    }

    /// <summary>What listings show of a URL: scheme, host and port, never the path or query that hold the secret.</summary>
    public static string Mask(string url)
    {
        var uri = new Uri(url);
        return $"{uri.Scheme}://{uri.Host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}/…";
    }

    private static void CheckFilter(WebhookFilter? filter, CompiledRules? rules, ValidationErrors errors)
    {
        if (filter is null) return;
        CheckIds("filter.departmentIds", filter.DepartmentIds, id => rules?.FindDepartment(id) is not null, "is not a department", errors);
        var indicators = rules?.Rules.Templates.SelectMany(t => t.Sections).SelectMany(s => s.Indicators).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        CheckIds("filter.indicatorIds", filter.IndicatorIds, id => indicators?.Contains(id) == true, "is not an indicator of any template", errors);
        CheckIds("filter.kinds", filter.Kinds, WebhookAlertKinds.All.Contains, $"is not an alert kind; use {string.Join(", ", WebhookAlertKinds.All)}", errors);
    }

    private static void CheckIds(string item, string[]? ids, Func<string, bool> known, string unknown, ValidationErrors errors)
    {
        if (ids is null) return;
        if (ids.Length > MaxFilterItems) { errors.Add(item, $"at most {MaxFilterItems} items"); return; }
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength) errors.Add($"{item}[{i}]", $"is required, at most {MaxIdLength} characters");
            else if (!known(id)) errors.Add($"{item}[{i}]", $"'{id}' {unknown}");
        }
    }

    private static string Clip(string? text) => text is null ? "" : text.Length > MaxIdLength ? text[..MaxIdLength] + "…" : text;
}
