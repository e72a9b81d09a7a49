using System.Globalization;
using Pulse.Performance;

namespace Pulse.Chat;

/// <summary>
/// What makes one alert crossing itself: the employee, the rule and the stream position that crossed. A refold of the
/// log finds the same position, so the same crossing always has the same key.
/// </summary>
public static class CrossingKey
{
    public static string Of(AlertRecord alert) => string.Join('\u001f',
        alert.EmployeeId, alert.IndicatorId, alert.RuleId, alert.AtSeq.ToString(CultureInfo.InvariantCulture), alert.Kind.ToString());
}
