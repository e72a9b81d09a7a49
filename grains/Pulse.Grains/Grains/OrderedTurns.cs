namespace Pulse.Grains;

/// <summary>
/// Runs a grain's state-changing steps one at a time, in the order they were queued, even while the grain interleaves
/// calls: each step starts once the step queued before it has finished, whether that one succeeded or failed. Used
/// from the grain's own scheduler only (one turn at a time), so it needs no locking.
/// </summary>
internal sealed class OrderedTurns
{
    private Task _last = Task.CompletedTask;

    public async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        var previous = _last;
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _last = finished.Task;
        try
        {
            await previous;
            return await step();
        }
        finally
        {
            finished.SetResult();
        }
    }

    public Task RunAsync(Func<Task> step) => RunAsync(async () =>
    {
        await step();
        return true;
    });
}
