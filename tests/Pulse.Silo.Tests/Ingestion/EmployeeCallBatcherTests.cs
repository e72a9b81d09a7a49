using System.Collections.Concurrent;
using System.Threading.Channels;
using Pulse.Events;
using Pulse.Grains;
using Pulse.Performance;
using Pulse.Silo.Ingestion;

namespace Pulse.Silo.Tests.Ingestion;

/// <summary>The silo's per-employee call limit and combining, against grains that answer when the test says so.</summary>
public sealed class EmployeeCallBatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ConcurrentDictionary<string, HeldGrain> _grains = new();
    private readonly EmployeeCallBatcher _batcher;

    public EmployeeCallBatcherTests() => _batcher = new EmployeeCallBatcher(key => _grains.GetOrAdd(key, _ => new HeldGrain()));

    private HeldGrain Grain(string key) => _grains.GetOrAdd(key, _ => new HeldGrain());

    private static BusinessEvent[] Events(params string[] ids) =>
        [.. ids.Select(id => new BusinessEvent(id, "sale", "e1", DateTimeOffset.UnixEpoch, "{}"))];

    [Fact]
    public async Task A_lone_request_is_one_call_carrying_exactly_its_events()
    {
        var answer = _batcher.ApplyAsync("t/e1", Events("a", "b"));
        var call = await Grain("t/e1").NextCallAsync();
        call.AcceptAllBut("b");

        var applied = await answer.WaitAsync(Patience, Ct);

        Assert.Equal(["a", "b"], call.Ids);
        Assert.Equal(["a"], applied.Accepted);
        Assert.Equal(["b"], applied.Duplicates);
    }

    [Fact]
    public async Task Requests_arriving_while_two_calls_are_in_flight_ride_together_in_the_next_call()
    {
        var grain = Grain("t/e1");
        var first = _batcher.ApplyAsync("t/e1", Events("a"));
        var second = _batcher.ApplyAsync("t/e1", Events("b"));
        var calls = new[] { await grain.NextCallAsync(), await grain.NextCallAsync() };

        var third = _batcher.ApplyAsync("t/e1", Events("c", "x"));
        var fourth = _batcher.ApplyAsync("t/e1", Events("d", "x"));
        Assert.Equal(0, grain.Waiting); // at the limit: no third call yet
        calls[1].AcceptAllBut();
        var combined = await grain.NextCallAsync();
        combined.AcceptAllBut();
        calls[0].AcceptAllBut();

        Assert.Equal(["c", "x", "d", "x"], combined.Ids);
        Assert.Equal(["a"], (await first.WaitAsync(Patience, Ct)).Accepted);
        Assert.Equal(["b"], (await second.WaitAsync(Patience, Ct)).Accepted);
        // An id accepted once is credited to its first occurrence in queue order; the later one is a duplicate.
        var (thirdApplied, fourthApplied) = (await third.WaitAsync(Patience, Ct), await fourth.WaitAsync(Patience, Ct));
        Assert.Equal(["c", "x"], thirdApplied.Accepted);
        Assert.Empty(thirdApplied.Duplicates);
        Assert.Equal(["d"], fourthApplied.Accepted);
        Assert.Equal(["x"], fourthApplied.Duplicates);
    }

    [Fact]
    public async Task A_combined_call_stays_within_the_event_limit()
    {
        var grain = Grain("t/e1");
        var held = new[] { _batcher.ApplyAsync("t/e1", Events("a")), _batcher.ApplyAsync("t/e1", Events("b")) };
        var calls = new[] { await grain.NextCallAsync(), await grain.NextCallAsync() };
        var half = EmployeeCallBatcher.MaxEventsPerCall / 2 + 1;
        var big = Enumerable.Range(0, 2).Select(r => _batcher.ApplyAsync("t/e1", Events([.. Enumerable.Range(0, half).Select(i => $"{r}-{i}")]))).ToArray();

        calls[0].AcceptAllBut();
        var next = await grain.NextCallAsync();
        next.AcceptAllBut();
        calls[1].AcceptAllBut();
        var last = await grain.NextCallAsync();
        last.AcceptAllBut();
        await Task.WhenAll([.. held, .. big]).WaitAsync(Patience, Ct);

        Assert.Equal([half, half], [next.Ids.Length, last.Ids.Length]);
    }

    [Fact]
    public async Task A_failed_call_fails_every_request_it_carried_and_later_requests_still_go()
    {
        var grain = Grain("t/e1");
        var inFlight = new[] { _batcher.ApplyAsync("t/e1", Events("a")), _batcher.ApplyAsync("t/e1", Events("b")) };
        var calls = new[] { await grain.NextCallAsync(), await grain.NextCallAsync() };
        var riders = new[] { _batcher.ApplyAsync("t/e1", Events("c")), _batcher.ApplyAsync("t/e1", Events("d")) };

        calls[0].Fail(new InvalidOperationException("commit failed"));
        var combined = await grain.NextCallAsync();
        combined.Fail(new InvalidOperationException("commit failed"));
        calls[1].AcceptAllBut();

        await Assert.ThrowsAsync<InvalidOperationException>(() => inFlight[0].WaitAsync(Patience, Ct));
        foreach (var rider in riders) await Assert.ThrowsAsync<InvalidOperationException>(() => rider.WaitAsync(Patience, Ct));
        Assert.Equal(["b"], (await inFlight[1].WaitAsync(Patience, Ct)).Accepted);

        var later = _batcher.ApplyAsync("t/e1", Events("e"));
        (await grain.NextCallAsync()).AcceptAllBut();
        Assert.Equal(["e"], (await later.WaitAsync(Patience, Ct)).Accepted);
    }

    [Fact]
    public async Task Calls_to_different_employees_do_not_wait_for_each_other()
    {
        var busy = new[] { _batcher.ApplyAsync("t/e1", Events("a")), _batcher.ApplyAsync("t/e1", Events("b")) };
        var e1Calls = new[] { await Grain("t/e1").NextCallAsync(), await Grain("t/e1").NextCallAsync() };

        var other = _batcher.ApplyAsync("t/e2", Events("c"));
        (await Grain("t/e2").NextCallAsync()).AcceptAllBut();

        Assert.Equal(["c"], (await other.WaitAsync(Patience, Ct)).Accepted);
        Assert.All(busy, b => Assert.False(b.IsCompleted));
        foreach (var call in e1Calls) call.AcceptAllBut();
        await Task.WhenAll(busy).WaitAsync(Patience, Ct);
    }

    /// <summary>An employee grain whose every call waits until the test answers it.</summary>
    private sealed class HeldGrain : IEmployeeGrain
    {
        private readonly Channel<Call> _calls = Channel.CreateUnbounded<Call>();

        /// <summary>Calls made and not yet taken by the test.</summary>
        public int Waiting => _calls.Reader.Count;

        public Task<AppliedEvents> ApplyEventsAsync(BusinessEvent[] events)
        {
            var call = new Call(events);
            _calls.Writer.TryWrite(call);
            return call.Answer.Task;
        }

        public async Task<Call> NextCallAsync() => await _calls.Reader.ReadAsync(Ct).AsTask().WaitAsync(Patience, Ct);

        public Task<EmployeePerformance?> GetPerformanceAsync(string? period) => throw new NotSupportedException();

        public Task RecomputeAsync(long rulesVersion) => throw new NotSupportedException();

        public Task<AlertRecord[]> GetAlertsAsync(int limit) => throw new NotSupportedException();
    }

    private sealed class Call(BusinessEvent[] events)
    {
        public TaskCompletionSource<AppliedEvents> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string[] Ids { get; } = [.. events.Select(e => e.Id)];

        /// <summary>Answers as a grain does: each id once, accepted unless listed as already seen.</summary>
        public void AcceptAllBut(params string[] seen)
        {
            var distinct = Ids.Distinct().ToArray();
            Answer.SetResult(new AppliedEvents([.. distinct.Except(seen)], [.. distinct.Intersect(seen)]));
        }

        public void Fail(Exception exception) => Answer.SetException(exception);
    }
}
