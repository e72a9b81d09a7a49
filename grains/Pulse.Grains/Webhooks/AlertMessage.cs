namespace Pulse.Webhooks;

/// <summary>What a chat tool shows: a short title and the text, in one language, plain (each payload adds its own emphasis).</summary>
public sealed record AlertMessage(string Title, string Text, bool Breach);
