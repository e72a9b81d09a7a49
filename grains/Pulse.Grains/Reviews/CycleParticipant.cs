namespace Pulse.Reviews;

/// <summary>
/// One participant as the cycle keeps them: a few fields only (the ratings, scorecard and result live in the
/// employee's review grain). <see cref="FrozenEventCount"/> and <see cref="FrozenComposite"/> are the scorecard's at
/// the freeze, so later events show as post-close adjustments.
/// </summary>
[GenerateSerializer, Alias("pulse.review-cycle-participant")]
public sealed class CycleParticipant
{
    [Id(0)] public string Name { get; set; } = "";

    [Id(1)] public string DepartmentId { get; set; } = "";

    [Id(2)] public string TemplateId { get; set; } = "";

    [Id(3)] public string[] RatedIndicators { get; set; } = [];

    [Id(4)] public bool Rated { get; set; }

    [Id(5)] public bool SelfAssessed { get; set; }

    [Id(6)] public ReviewResponseKind? Response { get; set; }

    [Id(7)] public long? FrozenEventCount { get; set; }

    [Id(8)] public decimal? FrozenComposite { get; set; }

    [Id(9)] public GradeOverride? Override { get; set; }

    /// <summary>While an approval is being finished: the suggested grade it decided (the final one is in <see cref="ApprovalPay"/>).</summary>
    [Id(10)] public string? ApprovalSuggestedGrade { get; set; }

    /// <summary>While an approval is being finished: the pay line it decided, published and pushed as it stands.</summary>
    [Id(11)] public PayLine? ApprovalPay { get; set; }
}
