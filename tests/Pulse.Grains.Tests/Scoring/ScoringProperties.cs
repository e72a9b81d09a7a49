using FsCheck;
using FsCheck.Xunit;
using Pulse.Events;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

public sealed class ScoringProperties
{
    private static readonly TemplatePlan Plan = TemplatePlan.Compile(SeedTemplates.Business with
    {
        Sections =
        [
            SeedTemplates.Business.Sections[0] with
            {
                Indicators =
                [
                    .. SeedTemplates.Business.Sections[0].Indicators,
                    Events.Measured("term", new Measure(MeasureKind.Latest, "loan.disbursed", "term"), 12),
                    Events.Measured("secured", new Measure(MeasureKind.Count, "loan.disbursed", Filter: new MeasureFilter("secured", "true")), 5),
                ],
            },
            SeedTemplates.Business.Sections[1],
        ],
    });

    private static readonly string[] Types = ["loan.disbursed", "loan.defaulted", "complaint.received", "call.logged"];

    /// <summary>Turns generated numbers into events; distinct occurrence times keep "latest" independent of fold order.</summary>
    private static BusinessEvent[] ToEvents((int Type, int Cents, bool Flag)[] raw) =>
        [.. raw.Select((r, i) => Events.Make(
            Types[Math.Abs(r.Type % Types.Length)],
            FormattableString.Invariant($$"""{"amount":{{Math.Abs(r.Cents % 10_000_000) / 100m}},"term":{{i}},"secured":{{(r.Flag ? "true" : "false")}},"minutes":{{r.Cents % 60}}}"""),
            Events.MonthStart.AddMinutes(i)))];

    private static bool SameState(PeriodAccumulator a, PeriodAccumulator b) =>
        a.EventCount == b.EventCount
        && a.LastSeq == b.LastSeq
        && a.Totals.Count == b.Totals.Count
        && a.Totals.All(t => b.Totals.TryGetValue(t.Key, out var other) && other == t.Value)
        && a.BreachedAlerts.SetEquals(b.BreachedAlerts);

    [Property]
    public bool Score_is_within_zero_and_the_cap(decimal value, PositiveInt target, NonNegativeInt extraCap, bool lowerIsBetter, NonNegativeInt zeroScoreGap)
    {
        var cap = 100m + extraCap.Get % 200;
        var rule = new ScoringRule(cap, zeroScoreGap.Get == 0 ? null : target.Get + zeroScoreGap.Get);
        var score = LinearScoring.Score(lowerIsBetter ? Direction.LowerIsBetter : Direction.HigherIsBetter, value, target.Get, rule);
        return score >= 0m && score <= cap;
    }

    [Property]
    public bool Higher_value_never_lowers_a_higher_is_better_score(NonNegativeInt a, NonNegativeInt b, PositiveInt target)
    {
        var (low, high) = (Math.Min(a.Get, b.Get), Math.Max(a.Get, b.Get));
        return LinearScoring.Score(Direction.HigherIsBetter, low, target.Get, null)
            <= LinearScoring.Score(Direction.HigherIsBetter, high, target.Get, null);
    }

    [Property]
    public bool Higher_value_never_raises_a_lower_is_better_score(NonNegativeInt a, NonNegativeInt b, NonNegativeInt target, NonNegativeInt gap)
    {
        var (low, high) = (Math.Min(a.Get, b.Get), Math.Max(a.Get, b.Get));
        var rule = new ScoringRule(ZeroScoreAt: gap.Get == 0 ? null : target.Get + gap.Get);
        return LinearScoring.Score(Direction.LowerIsBetter, low, target.Get, rule)
            >= LinearScoring.Score(Direction.LowerIsBetter, high, target.Get, rule);
    }

    [Property]
    public bool Folding_in_batches_with_retries_equals_folding_one_by_one((int, int, bool)[] raw, NonNegativeInt[] batchSizes)
    {
        var events = ToEvents(raw);
        var single = new PeriodAccumulator();
        var singleCrossings = new List<AlertCrossing>();
        for (var i = 0; i < events.Length; i++)
        {
            singleCrossings.AddRange(Plan.Fold(single, events[i], i + 1));
        }

        // Each batch starts from a snapshot copy and the previous batch is delivered again, as a retry would.
        var batched = new PeriodAccumulator();
        var batchedCrossings = new List<AlertCrossing>();
        var start = 0;
        var previous = 0;
        for (var b = 0; start < events.Length; b++)
        {
            var size = batchSizes.Length == 0 ? 1 : (batchSizes[b % batchSizes.Length].Get % 5) + 1;
            var end = Math.Min(events.Length, start + size);
            batched = batched.Clone();
            for (var i = previous; i < end; i++)
            {
                batchedCrossings.AddRange(Plan.Fold(batched, events[i], i + 1));
            }

            previous = start;
            start = end;
        }

        return SameState(single, batched) && singleCrossings.SequenceEqual(batchedCrossings);
    }

    [Property]
    public bool Fold_order_does_not_change_the_totals((int, int, bool)[] raw, int shuffleSeed)
    {
        var events = ToEvents(raw);
        var shuffled = events.ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);

        var inOrder = new PeriodAccumulator();
        Plan.FoldAll(inOrder, events);
        var reordered = new PeriodAccumulator();
        Plan.FoldAll(reordered, shuffled);

        return inOrder.Totals.Count == reordered.Totals.Count
            && inOrder.Totals.All(t => reordered.Totals.TryGetValue(t.Key, out var other)
                && other.Count == t.Value.Count
                && other.Sum == t.Value.Sum
                && other.Latest == t.Value.Latest);
    }

    [Property]
    public bool Scorecard_scores_stay_within_bounds((int, int, bool)[] raw, PositiveInt rating, NonNegativeInt elapsedPercent)
    {
        var acc = new PeriodAccumulator();
        Plan.FoldAll(acc, ToEvents(raw));
        var ratings = new Dictionary<string, decimal> { ["teamwork"] = (rating.Get % 5) + 1 };

        var card = ScoreCalculator.Score(Plan, acc, ratings, (elapsedPercent.Get % 101) / 100m, "zh-CN");

        return card.Composite is null or (>= 0m and <= 120m)
            && card.Sections.All(s => s.Score is null or (>= 0m and <= 120m))
            && card.Sections.SelectMany(s => s.Indicators).All(i => i.Score is null or (>= 0m and <= 120m));
    }
}
