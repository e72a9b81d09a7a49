namespace Pulse.Organisation;

public static class TenantSettingsValidator
{
    private static readonly string[] Locales = ["zh-CN", "en"];

    public static ValidationError[] Validate(TenantSettings? settings)
    {
        var errors = new ValidationErrors();
        if (settings is null) { errors.Add("settings", "is required"); return errors.ToArray(); }
        if (!Identifiers.IsTenantId(settings.TenantId)) errors.Add("tenantId", Identifiers.TenantRule);
        if (string.IsNullOrWhiteSpace(settings.Name)) errors.Add("name", "is required");
        else if (settings.Name.Length > FieldBounds.MaxNameLength) errors.Add("name", $"must be at most {FieldBounds.MaxNameLength} characters");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone ?? "", out _)) errors.Add("timeZone", $"'{settings.TimeZone}' is not a known IANA time zone");
        if (!Locales.Contains(settings.Locale)) errors.Add("locale", "must be zh-CN or en");
        if (settings.Currency is not { Length: 3 } || !settings.Currency.All(char.IsAsciiLetterUpper)) errors.Add("currency", "must be an ISO 4217 code such as CNY");
        return errors.ToArray();
    }
}
