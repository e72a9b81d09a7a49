using Pulse.Live;
using Pulse.Performance;

namespace Pulse.Webhooks;

/// <summary>Whether an alert goes to a target: every non-empty list of its filter must match.</summary>
public static class WebhookFilterMatch
{
    public static bool Matches(WebhookFilter filter, LiveAlert alert)
    {
        if (filter.DepartmentIds is { Length: > 0 } departments && !alert.DepartmentIds.Any(departments.Contains)) return false;
        if (filter.IndicatorIds is { Length: > 0 } indicators && !indicators.Contains(alert.Alert.IndicatorId)) return false;
        var kind = alert.Alert.Kind == AlertKind.Breached ? WebhookAlertKinds.Breach : WebhookAlertKinds.Recovery;
        return filter.Kinds is not { Length: > 0 } kinds || kinds.Contains(kind);
    }
}
