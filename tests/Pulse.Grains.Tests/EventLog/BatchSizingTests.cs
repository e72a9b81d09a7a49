using Pulse.EventLog;

namespace Pulse.Tests.EventLog;

public sealed class BatchSizingTests
{
    [Theory]
    [InlineData(1, 500)]      // the only free slot: take everything allowed
    [InlineData(3, 200)]      // below twice the threshold: not worth a split
    public void A_batch_takes_all_it_may_when_splitting_would_not_help(int freeSlots, long queued) =>
        Assert.Equal(5000, BatchSizing.Limit(5000, 128, freeSlots, queued));

    [Theory]
    [InlineData(2, 500, 250)]
    [InlineData(3, 500, 167)]  // rounded up, so the last slot never gets a sliver
    [InlineData(3, 300, 128)]  // never below the threshold
    [InlineData(2, 20_000, 5000)] // never above the batch limit
    public void What_is_queued_is_divided_among_the_free_slots(int freeSlots, long queued, int expected) =>
        Assert.Equal(expected, BatchSizing.Limit(5000, 128, freeSlots, queued));
}
