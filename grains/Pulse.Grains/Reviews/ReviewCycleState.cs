namespace Pulse.Reviews;

/// <summary>
/// A monthly cycle as stored: status, schedule, revision, participants (one small entry each, bounded by the
/// organisation) and the newest <see cref="ReviewCycleGrain.MaxTransitions"/> transitions.
/// </summary>
[GenerateSerializer, Alias("pulse.review-cycle-state")]
public sealed class ReviewCycleState
{
    [Id(0)] public bool Opened { get; set; }

    [Id(1)] public CycleStatus Status { get; set; }

    [Id(2)] public DateTimeOffset OpenedAt { get; set; }

    [Id(3)] public DateTimeOffset MonthEndsAt { get; set; }

    [Id(4)] public DateTimeOffset FreezesAt { get; set; }

    [Id(5)] public DateTimeOffset? FrozenAt { get; set; }

    [Id(6)] public DateTimeOffset? ApprovedAt { get; set; }

    [Id(7)] public string? ApprovedBy { get; set; }

    [Id(8)] public DateTimeOffset? ArchivedAt { get; set; }

    [Id(9)] public int Revision { get; set; }

    [Id(10)] public Dictionary<string, CycleParticipant> Participants { get; set; } = new(StringComparer.Ordinal);

    [Id(11)] public List<CycleTransition> Transitions { get; set; } = [];

    /// <summary>Every participant's review was started; until then each opener pass starts them again (idempotent).</summary>
    [Id(12)] public bool ReviewsStarted { get; set; }

    [Id(13)] public DateTimeOffset? RemindedAt { get; set; }

    [Id(14)] public int RemindedManagers { get; set; }

    [Id(15)] public string TimeZone { get; set; } = "";

    /// <summary>An approval recorded and not yet finished (the participants keep what it decided); null otherwise.</summary>
    [Id(16)] public CycleApproval? Approving { get; set; }
}
