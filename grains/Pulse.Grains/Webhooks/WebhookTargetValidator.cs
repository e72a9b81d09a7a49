using Pulse.Organisation;
using Pulse.Security;

namespace Pulse.Webhooks;

/// <summary>Bounds and rules of a target, checked whole before anything is stored; each error names its field.</summary>
public static class WebhookTargetValidator
{
    public const int MaxNameLength = 80;
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
        else if (OutboundUrl.Check(input.Url, options.AllowInsecureLoopback) is { } reason) errors.Add("url", reason);
        if (!string.IsNullOrEmpty(input.Secret))
        {
            if (input.Secret.Length > MaxSecretLength || input.Secret.Any(char.IsControl)) errors.Add("secret", $"at most {MaxSecretLength} characters, no control characters");
            else if (WebhookKinds.All.Contains(input.Kind) && !WebhookKinds.Signs(input.Kind)) errors.Add("secret", $"only {WebhookKinds.DingTalk} and {WebhookKinds.Feishu} sign their requests; a {input.Kind} URL holds its own secret");
        }
        if (input.Locale is not null && !Locales.Contains(input.Locale)) errors.Add("locale", $"use {string.Join(" or ", Locales)}, or leave it out for the tenant's");
        CheckFilter(input.Filter, rules, errors);
        return errors.ToArray();
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
