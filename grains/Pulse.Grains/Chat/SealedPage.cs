namespace Pulse.Chat;

/// <summary>
/// Where a sealed page of a conversation's transcript is and what of it is still kept: the record of the activities
/// from sequence <see cref="First"/> (its key), <see cref="Count"/> of them, of which the first <see cref="Skip"/> were
/// dropped since (the transcript is bounded by count to the activity); <see cref="Chars"/> of JSON when sealed.
/// </summary>
[GenerateSerializer, Alias("pulse.chat.sealed-page")]
public sealed class SealedPage
{
    [Id(0)] public long First { get; set; }

    [Id(1)] public int Count { get; set; }

    [Id(2)] public int Skip { get; set; }

    [Id(3)] public long Chars { get; set; }

    /// <summary>The record's version in the storage, to remove it once dropped.</summary>
    [Id(4)] public string? ETag { get; set; }

    public int Kept => Count - Skip;
}
