using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Core.Internal;
using Pulse.EventLog;
using Pulse.Grains;

namespace Pulse.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class EmployeeGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Applying_events_reports_new_and_repeated_ids_and_folds_only_the_new()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E001"));

        var first = await grain.ApplyEventsAsync([TestCompany.Loan("E001", 100, "a"), TestCompany.Loan("E001", 200, "b")]);
        var second = await grain.ApplyEventsAsync([TestCompany.Loan("E001", 200, "b"), TestCompany.Loan("E001", 300, "c"), TestCompany.Loan("E001", 300, "c")]);
        var performance = await grain.GetPerformanceAsync(null);

        Assert.Equal(["a", "b"], first.Accepted);
        Assert.Equal(["c"], second.Accepted);
        Assert.Equal(["b", "c"], second.Duplicates.Order());
        Assert.Equal(3, performance!.EventCount);
        Assert.Equal(3, performance.StreamPosition);
        Assert.Equal(600m, performance.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Value);
    }

    [Fact]
    public async Task A_gap_left_by_another_writer_is_repaired_from_the_log()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E002"));
        await grain.ApplyEventsAsync([TestCompany.Loan("E002", 1_000)]);

        // Another writer (say a stale activation on another silo) appends behind the grain's back.
        await AppendBehindTheGrainAsync(tenantId, "E002", expectedSeq: 1, TestCompany.Loan("E002", 50_000));

        var applied = await grain.ApplyEventsAsync([TestCompany.Loan("E002", 7)]);
        var performance = await grain.GetPerformanceAsync(null);

        Assert.Single(applied.Accepted);
        Assert.Equal(3, performance!.StreamPosition);
        Assert.Equal(3, performance.EventCount);
        Assert.Equal(51_007m, performance.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Value);
    }

    [Fact]
    public async Task A_reactivated_grain_loads_its_snapshot_and_folds_the_tail()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E003"));
        await grain.ApplyEventsAsync([TestCompany.Loan("E003", 10), TestCompany.Loan("E003", 20)]);

        // Deactivation writes the snapshot at position 2; an event then lands in the log behind it.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        await AppendBehindTheGrainAsync(tenantId, "E003", expectedSeq: 2, TestCompany.Loan("E003", 5_000));
        var again = await grain.GetPerformanceAsync(null);

        Assert.Equal(3, again!.StreamPosition);
        Assert.Equal(5_030m, again.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Value);
    }

    [Fact]
    public async Task Batches_in_quick_succession_reach_the_department_with_the_latest_numbers()
    {
        var tenantId = await TestCompany.CreateAsync(Grains, employees: 1);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E001"));
        var department = Grains.GetGrain<IDepartmentGrain>(GrainKeys.For(tenantId, "biz"));
        await department.GetPerformanceAsync(); // active first, so only reports (not its rebuild on activation) can move it

        // The second batch lands within the report interval of the first: its line is deferred, never dropped.
        await grain.ApplyEventsAsync([TestCompany.Loan("E001", 100_000)]);
        await grain.ApplyEventsAsync([TestCompany.Loan("E001", 250_000)]);
        var expected = (await grain.GetPerformanceAsync(null))!.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Score;

        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        decimal? seen = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var performance = await department.GetPerformanceAsync();
            seen = performance.IndicatorAverages.TryGetValue("loan_volume", out var average) ? average : null;
            if (seen == expected) break;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(expected);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Overlapping_calls_each_commit_once_and_are_folded_in_stream_order()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E004"));
        await grain.ApplyEventsAsync([TestCompany.Loan("E004", 1, "warm")]);

        // Thirty calls at once, each queuing its append behind the previous one's; every third repeats another call's
        // event (whichever of the two commits first is accepted; Orleans does not keep the order calls were sent in).
        var calls = Enumerable.Range(0, 30).Select(i => grain.ApplyEventsAsync(
            [TestCompany.Loan("E004", 10, $"c{i}-a"), i % 3 == 2 ? TestCompany.Loan("E004", 10, $"c{i - 1}-a") : TestCompany.Loan("E004", 100, $"c{i}-b")])).ToArray();
        var applied = await Task.WhenAll(calls);
        var performance = await grain.GetPerformanceAsync(null);

        var accepted = applied.SelectMany(a => a.Accepted).ToArray();
        Assert.Equal(50, accepted.Length);
        Assert.Equal(accepted.Length, accepted.Distinct().Count());
        Assert.Equal(10, applied.Sum(a => a.Duplicates.Length));
        Assert.Equal(51, performance!.StreamPosition);
        Assert.Equal(51, performance.EventCount);
        Assert.Equal(1 + (30 * 10) + (20 * 100), performance.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Value);

        // The live state is the fold of the log: a fresh activation rebuilding from its snapshot and the log agrees.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var rebuilt = await grain.GetPerformanceAsync(null);
        Assert.Equal(performance.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Value, rebuilt!.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Value);
        Assert.Equal(51, rebuilt.EventCount);
    }

    [Fact]
    public async Task Overlapping_calls_after_another_writer_moved_the_stream_catch_up_and_lose_nothing()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E005"));
        await grain.ApplyEventsAsync([TestCompany.Loan("E005", 1)]);
        await AppendBehindTheGrainAsync(tenantId, "E005", expectedSeq: 1, TestCompany.Loan("E005", 1_000));

        // The first call's append is refused, so is every one queued behind it: each then catches up and appends alone.
        var refused = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => grain.ApplyEventsAsync([TestCompany.Loan("E005", 10, $"r{i}")])));
        // Once those have settled the grain pipelines again.
        var later = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => grain.ApplyEventsAsync([TestCompany.Loan("E005", 100, $"l{i}")])));
        var performance = await grain.GetPerformanceAsync(null);

        Assert.All(refused.Concat(later), a => Assert.Single(a.Accepted));
        Assert.Equal(22, performance!.StreamPosition);
        Assert.Equal(22, performance.EventCount);
        Assert.Equal(1 + 1_000 + 100 + 1_000, performance.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Value);
    }

    private async Task AppendBehindTheGrainAsync(string tenantId, string employeeId, long expectedSeq, Pulse.Events.BusinessEvent e)
    {
        await using var other = new SqliteEventLog(Options.Create(new SqliteEventLogOptions { Path = fixture.EventLogPath }), NullLogger<SqliteEventLog>.Instance, TimeProvider.System);
        var period = Pulse.Scoring.Period.Of(e.OccurredAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var result = await other.AppendAsync(new StreamAppend(new Pulse.EventLog.StreamId(tenantId, employeeId), expectedSeq, [new PendingEvent(e, period)]), TestContext.Current.CancellationToken);
        Assert.Equal(AppendStatus.Committed, result.Status);
    }
}
