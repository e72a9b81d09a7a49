using Pulse.Organisation;
using Pulse.Reviews;
using Pulse.Security;

namespace Pulse.Payroll;

/// <summary>Rules of a payroll endpoint, checked whole before anything is stored; each error names its field.</summary>
public static class PayrollEndpointValidator
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;

    public static ValidationError[] Check(PayrollEndpointInput input, bool hasSecret, PayrollOptions options)
    {
        var errors = new ValidationErrors();
        if (input.Url is null) errors.Add("url", "is required");
        else if (OutboundUrl.Check(input.Url, options.AllowInsecureLoopback) is { } reason) errors.Add("url", reason);
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
}
