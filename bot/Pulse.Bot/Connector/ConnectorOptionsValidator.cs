using Microsoft.Extensions.Options;

namespace Pulse.Bot.Connector;

/// <summary>An enabled endpoint needs its tenant, and with authentication its secret and absolute addresses.</summary>
public sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TenantId)) errors.Add($"{ConnectorOptions.Section}:TenantId is required when AppId is set.");
        if (options.ValidateAuthentication)
        {
            if (string.IsNullOrWhiteSpace(options.AppPassword)) errors.Add($"{ConnectorOptions.Section}:AppPassword is required when ValidateAuthentication is on.");
            CheckUrl(options.OpenIdMetadataUrl, "OpenIdMetadataUrl", options.RequireHttpsMetadata, errors);
            CheckUrl(options.TokenEndpoint, "TokenEndpoint", options.RequireHttpsMetadata, errors);
            if (options.Issuers.Any(string.IsNullOrWhiteSpace)) errors.Add($"{ConnectorOptions.Section}:ValidIssuers must not hold an empty issuer.");
            if (string.IsNullOrWhiteSpace(options.Scope)) errors.Add($"{ConnectorOptions.Section}:Scope is required.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckUrl(string? value, string key, bool https, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && (https || uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"{ConnectorOptions.Section}:{key} must be an absolute {(https ? "https" : "http(s)")} URL.");
        }
    }
}
