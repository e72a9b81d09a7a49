namespace Pulse.Performance;

[GenerateSerializer]
public enum AlertKind
{
    Breached,
    Recovered,
}
