namespace Pulse.Security;

[GenerateSerializer]
public enum CallerKind
{
    User,
    ApiKey,
}
