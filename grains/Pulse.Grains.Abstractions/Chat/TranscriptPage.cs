namespace Pulse.Chat;

/// <summary>
/// Activities of a conversation after a watermark, as JSON objects stamped by the conversation (id, timestamp,
/// conversation, channelId); <see cref="Watermark"/> is the count of activities appended so far, what the client
/// sends back to read on.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.chat.transcript-page")]
public sealed record TranscriptPage(
    [property: Id(0)] string[] Activities,
    [property: Id(1)] long Watermark);
