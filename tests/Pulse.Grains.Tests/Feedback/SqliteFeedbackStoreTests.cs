using Pulse.Feedback;

namespace Pulse.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : FeedbackStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-feedback-" + Guid.NewGuid().ToString("N"));

    // A nested path proves the store creates its directory.
    protected override IFeedbackStore OpenStore() => new SqliteFeedbackStore(Path.Combine(_folder, "data", "feedback.db"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
