namespace Pulse.Events;

[GenerateSerializer]
public enum EventOutcome
{
    Accepted,
    Duplicate,
    Rejected,
}
