using System.Text.Json.Nodes;

namespace Pulse.Silo.Tests.Webhooks;

/// <summary>One POST the receiver took: its path, query, JSON body, and whether the vendor's signature checked out.</summary>
public sealed record ReceivedHook(string Path, IReadOnlyDictionary<string, string> Query, JsonNode Body, bool? SignatureValid);
