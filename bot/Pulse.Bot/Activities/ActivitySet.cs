namespace Pulse.Bot.Activities;

/// <summary>What a poll or a stream frame carries: activities as stamped JSON, and the watermark to read on from (a non-empty string).</summary>
public sealed record ActivitySet(IReadOnlyList<System.Text.Json.Nodes.JsonNode> Activities, string Watermark);
