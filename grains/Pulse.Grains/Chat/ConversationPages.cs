using Orleans.Storage;

namespace Pulse.Chat;

/// <summary>
/// The sealed pages of one conversation's transcript, each a record of its own in the conversation's storage (state
/// name <see cref="StateName"/>, key <c>{conversation key}#{first sequence}</c>), so an append rewrites only the
/// conversation's short record, never the whole transcript. Pages are immutable once written; those read or written
/// in this activation are kept in memory.
/// </summary>
internal sealed class ConversationPages(IGrainStorage storage, string conversationKey)
{
    public const string StateName = "conversation-page";

    private readonly Dictionary<long, List<string>> _loaded = [];

    /// <summary>Writes a page and remembers it; answers the record's version.</summary>
    public async Task<string?> WriteAsync(long first, List<string> activities)
    {
        var record = new GrainState<ConversationPageState>(new ConversationPageState { Activities = activities });
        try
        {
            await storage.WriteStateAsync(StateName, Id(first), record);
        }
        catch (InconsistentStateException)
        {
            // A record with this key is left from a write whose conversation record never followed (the process died
            // in between); its activities are in this page too, so it is overwritten.
            var left = new GrainState<ConversationPageState>();
            await storage.ReadStateAsync(StateName, Id(first), left);
            record.ETag = left.ETag;
            await storage.WriteStateAsync(StateName, Id(first), record);
        }
        _loaded[first] = activities;
        return record.ETag;
    }

    /// <summary>The page's activities still kept (after its skipped ones); an empty list if its record is gone.</summary>
    public async Task<IEnumerable<string>> ReadAsync(SealedPage page)
    {
        if (!_loaded.TryGetValue(page.First, out var activities))
        {
            var record = new GrainState<ConversationPageState>();
            await storage.ReadStateAsync(StateName, Id(page.First), record);
            activities = record is { RecordExists: true, State: { } found } ? found.Activities : [];
            _loaded[page.First] = activities;
        }
        return activities.Skip(page.Skip);
    }

    /// <summary>Removes a page that is no longer kept.</summary>
    public async Task RemoveAsync(SealedPage page)
    {
        _loaded.Remove(page.First);
        var record = new GrainState<ConversationPageState> { ETag = page.ETag, RecordExists = page.ETag is not null };
        await storage.ClearStateAsync(StateName, Id(page.First), record);
    }

    private GrainId Id(long first) => GrainId.Create(StateName, $"{conversationKey}#{first}");
}
