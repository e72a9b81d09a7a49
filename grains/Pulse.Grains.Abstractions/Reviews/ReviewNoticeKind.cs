namespace Pulse.Reviews;

/// <summary>What a <see cref="ReviewNotice"/> tells, and so whom it goes to.</summary>
[GenerateSerializer]
public enum ReviewNoticeKind
{
    /// <summary>To a manager: the cycle opened, this many people to rate before the freeze.</summary>
    CycleOpened,

    /// <summary>To a manager, two days before the freeze: this many people still wait for their ratings.</summary>
    RatingsDue,

    /// <summary>To an employee: their result is published (the bot reads it as them to show it).</summary>
    ResultPublished,

    /// <summary>To HR: an employee objected to their result.</summary>
    ObjectionRaised,
}
