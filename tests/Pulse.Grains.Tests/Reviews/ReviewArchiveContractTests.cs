using Microsoft.Extensions.Time.Testing;
using Pulse.Reviews;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Reviews;

/// <summary>The behaviour every <see cref="IReviewArchive"/> promises; one derived class per store.</summary>
public abstract class ReviewArchiveContractTests : StoreContractTests<IReviewArchive>
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 4, 2, 9, 30, 0, TimeSpan.Zero));

    protected override Task InitializeStoreAsync(IReviewArchive store) => store.InitializeAsync(Ct);

    private static ArchivedResult Result(string employee, string department, decimal? composite, string? grade = "B", decimal? pay = null, string source = "cycle") =>
        new(employee, department, composite, grade,
            new Dictionary<string, decimal> { ["loan-rate"] = 0.875m, ["bad-debt"] = 0.0312345678m },
            new Dictionary<string, decimal> { ["loan-rate"] = 87.5m, ["bad-debt"] = 62.25m },
            source, pay, pay is null ? null : "CNY");

    [Fact]
    public async Task A_saved_month_reads_back_exactly_from_another_instance()
    {
        await Store.SaveCycleAsync("t1", "2025-03", [Result("e1", "biz", 91.123456m, "S", 1500.50m), Result("e2", "ops", null, null)], Ct);

        var read = await Open().ReadAsync("t1", ArchiveQuery.Month("2025-03"), 100, Ct);

        Assert.Equal(0, read.Skipped);
        Assert.False(read.Truncated);
        Assert.Equal(["e1", "e2"], read.Rows.Select(r => r.Result.EmployeeId));
        var first = read.Rows[0];
        Assert.Equal("2025-03", first.Period);
        Assert.Equal(Clock.GetUtcNow(), first.WrittenAt);
        Assert.Equal(("biz", 91.123456m, "S", 1500.50m, "CNY", "cycle"), (first.Result.DepartmentId, first.Result.Composite, first.Result.Grade, first.Result.PayAmount, first.Result.Currency, first.Result.Source));
        Assert.Equal(0.0312345678m, first.Result.IndicatorValues["bad-debt"]);
        Assert.Equal(62.25m, first.Result.IndicatorScores["bad-debt"]);
        Assert.Null(read.Rows[1].Result.Composite);
        Assert.Null(read.Rows[1].Result.Grade);
        Assert.Null(read.Rows[1].Result.PayAmount);
    }

    [Fact]
    public async Task Saving_a_month_again_replaces_it_whole_and_leaves_other_months_and_tenants()
    {
        await Store.SaveCycleAsync("t1", "2025-02", [Result("e1", "biz", 70m)], Ct);
        await Store.SaveCycleAsync("t1", "2025-03", [Result("e1", "biz", 80m), Result("e2", "biz", 60m)], Ct);
        await Store.SaveCycleAsync("t2", "2025-03", [Result("e1", "biz", 10m)], Ct);

        await Store.SaveCycleAsync("t1", "2025-03", [Result("e2", "biz", 65m, source: "import")], Ct);

        var read = await Store.ReadAsync("t1", new ArchiveQuery("2025-01", "2025-12"), 100, Ct);
        Assert.Equal([("2025-02", "e1", 70m), ("2025-03", "e2", 65m)], read.Rows.Select(r => (r.Period, r.Result.EmployeeId, r.Result.Composite!.Value)));
        Assert.Equal("cycle", read.Rows[1].Result.Source); // what a cycle saves is the cycle's, whatever the caller said
        Assert.Single((await Store.ReadAsync("t2", ArchiveQuery.Month("2025-03"), 100, Ct)).Rows);
    }

    [Fact]
    public async Task Reads_narrow_by_month_range_department_and_employee_and_stop_at_the_limit()
    {
        foreach (var month in new[] { "2024-11", "2024-12", "2025-01", "2025-02" })
        {
            await Store.SaveCycleAsync("t1", month, [Result("e1", "biz", 70m), Result("e2", "ops", 80m), Result("e3", "tech", 90m)], Ct);
        }

        var departments = await Store.ReadAsync("t1", new ArchiveQuery("2024-12", "2025-01", ["biz", "tech"]), 100, Ct);
        var employee = await Store.ReadAsync("t1", new ArchiveQuery("2024-01", "2025-12", EmployeeId: "e2"), 100, Ct);
        var none = await Store.ReadAsync("t1", new ArchiveQuery("2024-01", "2025-12", []), 100, Ct);
        var limited = await Store.ReadAsync("t1", new ArchiveQuery("2024-01", "2025-12"), 5, Ct);

        Assert.Equal([("2024-12", "e1"), ("2024-12", "e3"), ("2025-01", "e1"), ("2025-01", "e3")], departments.Rows.Select(r => (r.Period, r.Result.EmployeeId)));
        Assert.Equal(["2024-11", "2024-12", "2025-01", "2025-02"], employee.Rows.Select(r => r.Period));
        Assert.Empty(none.Rows);
        Assert.Equal(5, limited.Rows.Count);
        Assert.True(limited.Truncated);
        Assert.False(departments.Truncated);
    }

    [Fact]
    public async Task An_import_lands_all_rows_and_a_second_import_replaces_its_own_rows()
    {
        var first = await Store.ImportAsync("t1", [new("2024-01", Result("e1", "biz", 70m, source: "cycle")), new("2024-02", Result("e1", "biz", 72m))], Ct);
        var second = await Store.ImportAsync("t1", [new("2024-02", Result("e1", "biz", 75m))], Ct);

        Assert.Equal((2, true), (first.Written, first.Succeeded));
        Assert.True(second.Succeeded);
        var rows = (await Store.ReadAsync("t1", new ArchiveQuery("2024-01", "2024-12"), 100, Ct)).Rows;
        Assert.Equal([("2024-01", 70m, "import"), ("2024-02", 75m, "import")], rows.Select(r => (r.Period, r.Result.Composite!.Value, r.Result.Source)));
    }

    [Fact]
    public async Task An_import_touching_a_month_a_cycle_closed_writes_nothing_and_names_the_month()
    {
        await Store.SaveCycleAsync("t1", "2024-03", [Result("e1", "biz", 88m)], Ct);
        await Store.SaveCycleAsync("t1", "2024-05", [Result("e9", "biz", 50m)], Ct);

        var outcome = await Store.ImportAsync("t1",
            [new("2024-02", Result("e1", "biz", 60m)), new("2024-03", Result("e2", "biz", 61m)), new("2024-05", Result("e2", "biz", 62m))], Ct);

        Assert.False(outcome.Succeeded);
        Assert.Equal(0, outcome.Written);
        Assert.Equal(["2024-03", "2024-05"], outcome.CycleMonths);
        Assert.Equal(["2024-03", "2024-05"], (await Store.CyclePeriodsAsync("t1", ["2024-02", "2024-03", "2024-05"], Ct)).Order());
        var rows = (await Store.ReadAsync("t1", new ArchiveQuery("2024-01", "2024-12"), 100, Ct)).Rows;
        Assert.Equal([("2024-03", "e1"), ("2024-05", "e9")], rows.Select(r => (r.Period, r.Result.EmployeeId)));
    }

    [Fact]
    public async Task A_cycle_replaces_an_imported_month()
    {
        await Store.ImportAsync("t1", [new("2024-06", Result("e1", "biz", 60m)), new("2024-06", Result("e2", "biz", 61m))], Ct);

        await Store.SaveCycleAsync("t1", "2024-06", [Result("e1", "biz", 77m)], Ct);

        var rows = (await Store.ReadAsync("t1", ArchiveQuery.Month("2024-06"), 100, Ct)).Rows;
        Assert.Equal([("e1", 77m, "cycle")], rows.Select(r => (r.Result.EmployeeId, r.Result.Composite!.Value, r.Result.Source)));
        Assert.Empty(await Store.CyclePeriodsAsync("t2", ["2024-06"], Ct));
    }

    [Fact]
    public async Task A_bad_month_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveCycleAsync("t1", "2024-13", [Result("e1", "biz", 60m)], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ImportAsync("t1", [new("2024-01", Result("e1", "biz", 60m)), new("24-01", Result("e1", "biz", 60m))], Ct));

        Assert.Empty((await Store.ReadAsync("t1", new ArchiveQuery("0001-01", "9998-12"), 100, Ct)).Rows);
    }

    /// <summary>Writes a row the stores' own code never would, as a damaged or hand-edited database might hold.</summary>
    protected abstract Task CorruptAsync(string tenantId, string period, string employeeId, string indicatorsJson);

    [Fact]
    public async Task A_damaged_row_is_skipped_and_counted_while_the_others_read()
    {
        await Store.SaveCycleAsync("t1", "2025-03", [Result("e1", "biz", 70m), Result("e2", "biz", 80m), Result("e3", "biz", 90m)], Ct);
        await CorruptAsync("t1", "2025-03", "e2", "{not json");

        var read = await Store.ReadAsync("t1", ArchiveQuery.Month("2025-03"), 100, Ct);

        Assert.Equal(["e1", "e3"], read.Rows.Select(r => r.Result.EmployeeId));
        Assert.Equal(1, read.Skipped);
    }

    /// <summary>Runs a statement the stores' own code never would (<c>{rows}</c> and <c>{totals}</c> name the tables), as a hand edit might.</summary>
    protected abstract Task ExecuteAsync(string sql);

    private static ArchivedResult Scored(string employee, string department, decimal? composite, Dictionary<string, decimal> values, Dictionary<string, decimal> scores, string source = "cycle") =>
        new(employee, department, composite, "B", values, scores, source);

    private static Dictionary<string, decimal> Map(params (string Id, decimal Number)[] items) => items.ToDictionary(i => i.Id, i => i.Number);

    /// <summary>
    /// A known archive: biz with its sub-department biz-north, and ops beside them. 2024-01 approved, then approved
    /// again with other results; 2024-02 imported twice (the second import replaces one row and adds one); 2024-03 with a
    /// composite and a score out of bounds; 2024-04 with a row damaged afterwards; 2024-05 in ops only.
    /// </summary>
    private async Task WriteKnownArchiveAsync()
    {
        await Store.SaveCycleAsync("t1", "2024-01",
        [
            Scored("e1", "biz", 80m, Map(("a", 1.5m)), Map(("a", 75m))),
            Scored("e2", "biz-north", 60m, Map(("a", 2.25m), ("b", 3m)), Map(("a", 50m))),
            Scored("e3", "ops", 40m, Map(("a", 9m)), Map(("a", 10m))),
        ], Ct);
        await Store.SaveCycleAsync("t1", "2024-01",
        [
            Scored("e1", "biz", 90m, Map(("a", 1.75m)), Map(("a", 80m))),
            Scored("e2", "biz-north", 70.5m, Map(("a", 2.5m), ("b", 4m)), Map(("a", 55.5m), ("b", 12m))),
            Scored("e4", "biz", null, [], Map(("b", 10m))),
            Scored("e3", "ops", 45m, Map(("a", 8m)), Map(("a", 12m))),
        ], Ct);
        await Store.ImportAsync("t1", [new("2024-02", Scored("e1", "biz", 70m, Map(("a", 1m)), Map(("a", 70m)))), new("2024-02", Scored("e2", "biz-north", 65.25m, Map(("a", 2m)), Map(("a", 60m))))], Ct);
        await Store.ImportAsync("t1", [new("2024-02", Scored("e2", "biz-north", 66m, Map(("a", 3m)), Map(("a", 61m)))), new("2024-02", Scored("e5", "biz", 50m, Map(("c", 0.125m)), []))], Ct);
        await Store.SaveCycleAsync("t1", "2024-03",
        [
            Scored("e1", "biz", 250m, Map(("a", 1m)), Map(("a", 70m))),
            Scored("e2", "biz-north", 88m, Map(("a", 4m)), Map(("a", 90m))),
            Scored("e5", "biz", 77m, Map(("a", 4m)), Map(("a", 300m))),
            Scored("e3", "ops", 30m, [], []),
        ], Ct);
        await Store.SaveCycleAsync("t1", "2024-04",
        [
            Scored("e1", "biz", 70m, Map(("a", 1m)), Map(("a", 70m))),
            Scored("e2", "biz-north", 72m, Map(("a", 2m)), Map(("a", 72m))),
            Scored("e6", "biz", 64m, Map(("a", 3m)), Map(("a", 64m))),
        ], Ct);
        await Store.SaveCycleAsync("t1", "2024-05", [Scored("e3", "ops", 30m, [], [])], Ct);
        // A hand edit damages a row; its month's totals are removed, as whoever edits rows by hand must do.
        await CorruptAsync("t1", "2024-04", "e2", "{not json");
        await ExecuteAsync("DELETE FROM {totals} WHERE tenant = 't1' AND period = '2024-04'");
    }

    private async Task AssertTotalsMatchRowsAsync(IReadOnlyCollection<string>? departments)
    {
        var query = new ArchiveQuery("2023-12", "2024-06", departments);
        var (expected, expectedSkipped) = TrendFromRows.Of(await Store.ReadAsync("t1", query, 1000, Ct));

        var (months, skipped) = TrendMonths.Of(await Open().TotalsAsync("t1", query, Ct), "", new Dictionary<string, Pulse.Templates.LocalizedText>());

        Assert.Equal(expected.Select(m => (m.Period, m.Members, m.AverageComposite)), months.Select(m => (m.Period, m.Members, m.AverageComposite)));
        Assert.All(expected.Zip(months), pair => Assert.Equal(pair.First.Indicators, pair.Second.Indicators));
        Assert.Equal(expectedSkipped, skipped);
    }

    [Fact]
    public async Task The_trend_from_month_totals_equals_the_trend_from_every_row()
    {
        await WriteKnownArchiveAsync();

        await AssertTotalsMatchRowsAsync(["biz", "biz-north"]);
        await AssertTotalsMatchRowsAsync(["biz-north"]);
        await AssertTotalsMatchRowsAsync(null);

        // Worked by hand for biz and below: the re-approval counts, not the first approval; e4 has no composite.
        var (months, skipped) = TrendMonths.Of(await Store.TotalsAsync("t1", new ArchiveQuery("2024-01", "2024-06", ["biz", "biz-north"]), Ct), "", new Dictionary<string, Pulse.Templates.LocalizedText>());
        Assert.Equal([("2024-01", 3, 80.25m), ("2024-02", 3, 62m), ("2024-03", 1, 88m), ("2024-04", 2, 67m)], months.Select(m => (m.Period, m.Members, m.AverageComposite!.Value)));
        Assert.Equal([("a", 2.13m, 67.75m, 2), ("b", 4m, 11m, 2)], months[0].Indicators.Select(i => (i.IndicatorId, i.AverageValue!.Value, i.AverageScore!.Value, i.Members)));
        Assert.Equal(3, skipped); // 2024-03: a composite of 250 and a score of 300; 2024-04: the damaged row
    }

    [Fact]
    public async Task Months_whose_totals_are_missing_or_damaged_are_computed_again_from_their_rows()
    {
        await WriteKnownArchiveAsync();
        // An archive written before the totals existed, and a totals row damaged by hand.
        await ExecuteAsync("DELETE FROM {totals} WHERE tenant = 't1' AND period <> '2024-02'");
        await ExecuteAsync("UPDATE {totals} SET indicators = '{broken' WHERE tenant = 't1' AND period = '2024-02' AND department = 'biz'");

        await AssertTotalsMatchRowsAsync(["biz", "biz-north"]);
        await AssertTotalsMatchRowsAsync(null);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.TotalsAsync("t1", new ArchiveQuery("2024-01", "2024-02", EmployeeId: "e1"), Ct));
    }
}
