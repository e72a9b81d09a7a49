using Pulse.Grains;

namespace Pulse.Tests.Grains;

public sealed class OrderedTurnsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Steps_run_one_at_a_time_in_the_order_they_were_queued()
    {
        var turns = new OrderedTurns();
        var log = new List<string>();
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var steps = Enumerable.Range(0, 3).Select(i => turns.RunAsync(async () =>
        {
            lock (log) log.Add($"start {i}");
            await gates[i].Task;
            lock (log) log.Add($"end {i}");
            return i;
        })).ToArray();

        // Released last to first: each step still waits for the one queued before it.
        gates[2].SetResult();
        gates[1].SetResult();
        Assert.Equal(["start 0"], Snapshot(log));
        gates[0].SetResult();
        var results = await Task.WhenAll(steps).WaitAsync(Patience, Ct);

        Assert.Equal([0, 1, 2], results);
        Assert.Equal(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"], Snapshot(log));
    }

    [Fact]
    public async Task A_failed_step_fails_its_own_caller_and_the_next_step_still_runs()
    {
        var turns = new OrderedTurns();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = turns.RunAsync(async () =>
        {
            await gate.Task;
            throw new InvalidOperationException("boom");
        });
        var next = turns.RunAsync(() => Task.FromResult("ran"));

        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Patience, Ct));
        Assert.Equal("ran", await next.WaitAsync(Patience, Ct));
    }

    [Fact]
    public async Task A_step_queued_when_none_is_running_starts_at_once()
    {
        var turns = new OrderedTurns();
        var ran = false;

        var step = turns.RunAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
        await step;
    }

    private static string[] Snapshot(List<string> log)
    {
        lock (log) return [.. log];
    }
}
