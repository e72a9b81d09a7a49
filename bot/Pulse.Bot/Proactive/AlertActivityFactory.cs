using System.Globalization;
using Orleans;
using Pulse.Bot.Activities;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Performance;
using Pulse.Templates;

namespace Pulse.Bot.Proactive;

/// <summary>
/// An alert as a plain-text chat message: who, which indicator, the value against the threshold; to a manager it
/// names the employee. It carries the standard buttons, because a bot message without them hides the ones shown.
/// </summary>
public sealed class AlertActivityFactory(IGrainFactory grains)
{
    public async Task<Activity> CreateAsync(LiveAlert alert, ChatUser recipient, string locale, CancellationToken cancellationToken)
    {
        var a = alert.Alert;
        var zh = !locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var indicator = await FindIndicatorAsync(a.TenantId, a.IndicatorId, alert.DepartmentIds.FirstOrDefault() ?? "");
        var name = indicator?.Name.For(zh ? "zh-CN" : "en-US") ?? a.IndicatorId;
        var unit = indicator?.Unit ?? "";
        var value = Format(a.Value, unit);
        var threshold = Format(a.Threshold, unit);
        var self = recipient.EmployeeId == a.EmployeeId;
        var who = self ? (zh ? "你的" : "Your ") : (zh ? $"{alert.EmployeeName}({a.EmployeeId})的" : $"{alert.EmployeeName} ({a.EmployeeId}): ");
        var text = (a.Kind, zh) switch
        {
            (AlertKind.Breached, true) => $"⚠️ 预警:{who}{name}为 {value},越过阈值 {threshold}。",
            (AlertKind.Breached, false) => $"⚠️ Alert: {who}{name} is {value}, past the threshold of {threshold}.",
            (_, true) => $"✅ 恢复:{who}{name}回到 {value},已不再越过阈值 {threshold}。",
            (_, false) => $"✅ Recovered: {who}{name} is back to {value}, within the threshold of {threshold}.",
        };
        return new Activity
        {
            Text = text,
            TextFormat = "plain",
            Locale = zh ? "zh-CN" : "en-US",
            Name = "pulse/alert",
            SuggestedActions = new SuggestedActions(zh
                ? [CardAction.ImBack("我的进度"), CardAction.ImBack("我的预警"), CardAction.ImBack($"静音{name}预警")]
                : [CardAction.ImBack("My progress"), CardAction.ImBack("My alerts"), CardAction.ImBack($"Mute {name} alerts")]),
        };
    }

    private static string Format(decimal value, string unit) =>
        value.ToString("0.##", CultureInfo.InvariantCulture) + (unit is "%" ? "%" : unit.Length > 0 ? " " + unit : "");

    /// <summary>The indicator as the employee's department's template names it now (ids may repeat across templates), else any template's.</summary>
    private async Task<Indicator?> FindIndicatorAsync(string tenantId, string indicatorId, string departmentId)
    {
        var rules = await grains.GetGrain<ITenantGrain>(tenantId).GetRulesAsync();
        if (rules is null) return null;
        var templateId = rules.Departments.FirstOrDefault(d => d.Id == departmentId)?.TemplateId;
        return rules.Templates
            .OrderByDescending(t => t.Id == templateId)
            .ThenByDescending(t => t.Version)
            .SelectMany(t => t.Sections).SelectMany(s => s.Indicators)
            .FirstOrDefault(i => i.Id == indicatorId);
    }
}
