namespace Pulse.Silo.Security;

public static class AuthSchemes
{
    /// <summary>Picks the scheme by what the request carries: an API key, a bearer token, else the cookie.</summary>
    public const string Pulse = "pulse";
    public const string Cookie = "pulse-cookie";
    public const string ApiKey = "pulse-api-key";
    public const string Operator = "pulse-operator";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string OperatorKeyHeader = "X-Operator-Key";
}
