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
}
