using System.Globalization;
using Pulse.Performance;
using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>
/// The one sentence a person reads about an indicator, e.g. "月度贷款额度已完成80%,还需20万达标" or
/// "Monthly loan volume 80% done, 200,000 to go". Chinese writes amounts from 10,000 up in 万. The tenant currency
/// code (CNY) is implied rather than printed; other units follow the number.
/// </summary>
public static class SummaryWriter
{
    private const string ImpliedCurrency = "CNY";

    public static string Write(
        Indicator indicator,
        MeasurePlan? measure,
        IndicatorStatus status,
        decimal? value,
        decimal? attainment,
        decimal? remaining,
        string locale)
    {
        var en = IsEnglish(locale);
        var name = indicator.Name.For(locale);
        var unit = indicator.Unit;
        if (status == IndicatorStatus.PendingRating)
        {
            return en ? $"{name}: awaiting manager rating" : $"{name}待经理评分";
        }

        if (status == IndicatorStatus.NoData || value is not { } v)
        {
            return en ? $"{name}: no data yet" : $"{name}暂无数据";
        }

        if (measure is null)
        {
            return en ? $"{name}: rated {Plain(v)} of 5" : $"{name}经理评分{Plain(v)}分(满分5分)";
        }

        if (indicator.Direction == Direction.LowerIsBetter)
        {
            return en
                ? $"{name} {Amount(v, unit, en)}, target ≤ {Amount(indicator.Target, unit, en)}"
                : $"{name} {Amount(v, unit, en)},目标≤{Amount(indicator.Target, unit, en)}";
        }

        if (!measure.IsAdditive || attainment is not { } done)
        {
            return en
                ? $"{name} {Amount(v, unit, en)}, target ≥ {Amount(indicator.Target, unit, en)}"
                : $"{name} {Amount(v, unit, en)},目标≥{Amount(indicator.Target, unit, en)}";
        }

        if (remaining is not { } left || left <= 0m)
        {
            return en ? $"{name} {Plain(done)}% done, target reached" : $"{name}已完成{Plain(done)}%,已达标";
        }

        return en
            ? $"{name} {Plain(done)}% done, {Amount(left, unit, en)} to go"
            : $"{name}已完成{Plain(done)}%,还需{Amount(left, unit, en)}达标";
    }

    internal static bool IsEnglish(string locale) => locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static string Amount(decimal value, string unit, bool en)
    {
        var number = en
            ? value.ToString("#,0.##", CultureInfo.InvariantCulture)
            : Math.Abs(value) >= 10_000m
                ? Plain(Rounding.Report(value / 10_000m)) + "万"
                : Plain(value);
        if (string.IsNullOrEmpty(unit) || unit == ImpliedCurrency)
        {
            return number;
        }

        return unit == "%" || !en ? number + unit : $"{number} {unit}";
    }

    private static string Plain(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
