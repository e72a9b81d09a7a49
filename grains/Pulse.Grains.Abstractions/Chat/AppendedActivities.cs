namespace Pulse.Chat;

/// <summary>The ids the conversation gave the activities just appended, in order, and the watermark after them.</summary>
[GenerateSerializer, Immutable, Alias("pulse.chat.appended")]
public sealed record AppendedActivities(
    [property: Id(0)] string[] Ids,
    [property: Id(1)] long Watermark);
