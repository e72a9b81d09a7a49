using System.Globalization;
using Pulse.Live;
using Pulse.Organisation;
using Pulse.Performance;
using Pulse.Templates;

namespace Pulse.Webhooks;

/// <summary>
/// An alert as a chat message in zh-CN or English: who, which indicator (its name in the template), the value against
/// the threshold, breach or recovery. It carries no more personal data than the alert itself (the employee's name and
/// number).
/// </summary>
public static class AlertText
{
    public static bool IsEnglish(string locale) => locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static AlertMessage For(LiveAlert alert, CompiledRules? rules, string locale)
    {
        var english = IsEnglish(locale);
        var record = alert.Alert;
        var indicator = FindIndicator(rules, record);
        var name = indicator?.Name.For(locale) ?? record.IndicatorId;
        var unit = indicator?.Unit ?? "";
        var comparator = indicator?.Alerts?.FirstOrDefault(r => r.Id == record.RuleId)?.Comparator ?? Comparator.GreaterThan;
        var value = Number(record.Value, unit);
        var threshold = Number(record.Threshold, unit);
        var who = $"{alert.EmployeeName} ({record.EmployeeId})";
        var breach = record.Kind == AlertKind.Breached;
        if (english)
        {
            var side = comparator is Comparator.GreaterThan or Comparator.GreaterOrEqual ? "above" : "below";
            return breach
                ? new($"Pulse alert: {name}", $"{who}: {name} is {value}, {side} the threshold of {threshold} ({record.Period}).", true)
                : new($"Pulse recovery: {name}", $"{who}: {name} is back at {value} (threshold {threshold}, {record.Period}).", false);
        }
        var zhSide = comparator switch
        {
            Comparator.GreaterThan => "超过",
            Comparator.GreaterOrEqual => "达到或超过",
            Comparator.LessThan => "低于",
            _ => "不高于",
        };
        return breach
            ? new($"Pulse 预警:{name}", $"{who} 的「{name}」为 {value},{zhSide}阈值 {threshold}({record.Period})。", true)
            : new($"Pulse 恢复:{name}", $"{who} 的「{name}」已恢复为 {value}(阈值 {threshold},{record.Period})。", false);
    }

    /// <summary>The message a test of a target sends.</summary>
    public static AlertMessage Test(string targetName, string locale) => IsEnglish(locale)
        ? new("Pulse test", $"Test message from Pulse to \"{targetName}\": alerts will arrive here.", false)
        : new("Pulse 测试", $"这是 Pulse 发往「{targetName}」的测试消息:预警将发送到这里。", false);

    private static Indicator? FindIndicator(CompiledRules? rules, AlertRecord record) =>
        rules?.TemplateForEmployee(record.EmployeeId, record.Period)?.Sections.SelectMany(s => s.Indicators).FirstOrDefault(i => i.Id == record.IndicatorId)
        ?? rules?.Rules.Templates.SelectMany(t => t.Sections).SelectMany(s => s.Indicators).LastOrDefault(i => i.Id == record.IndicatorId);

    private static string Number(decimal value, string unit)
    {
        var text = decimal.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return unit == "%" ? text + "%" : unit.Length == 0 ? text : $"{text} {unit}";
    }
}
