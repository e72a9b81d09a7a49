using Microsoft.Extensions.Logging;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Security;

namespace Pulse.Services;

/// <summary>
/// Performance as one caller may see it, whoever asks (the API, the dashboard hub, the chat bot): the permission,
/// the period's form, that the employee or department exists and has a template, then the scores. The open period
/// is live (the employee's grain, the department's grain, the silo's overview); a past period of a department or of
/// the overview is folded from its members' past periods and combined by the same aggregation as the live one.
/// </summary>
public sealed partial class PerformanceReader(IGrainFactory grains, TenantOverview overview, TimeProvider clock, ILogger<PerformanceReader> logger)
{
    /// <summary>Members folded at once for a past period: a department of thousands does not activate thousands of grains in one go.</summary>
    private const int FoldsInFlight = 32;


    public async Task<Answer<EmployeePerformance>> GetEmployeeAsync(CallerContext context, string employeeId, string? period)
    {
        if (!context.Allows(Permission.EmployeePerformanceRead, employeeId)) return Answers.Forbidden<EmployeePerformance>();
        if (period is not null && !PeriodQuery.IsValid(period)) return Answers.Invalid<EmployeePerformance>("period", PeriodQuery.Rule);
        if (!context.Rules.Employees.TryGetValue(employeeId, out var employee)) return Answers.NotFound<EmployeePerformance>($"Employee '{employeeId}' does not exist.");
        if (context.Rules.TemplateIdFor(employee.DepartmentId) is null)
            return Answers.NotFound<EmployeePerformance>($"No KPI template is assigned to department '{employee.DepartmentId}' or above it.");
        var performance = await Employee(context, employeeId).GetPerformanceAsync(period);
        return performance is null ? Answers.NotFound<EmployeePerformance>($"No scores for employee '{employeeId}'.") : Answers.Ok<EmployeePerformance>(performance);
    }

    public async Task<Answer<AlertRecord[]>> GetAlertsAsync(CallerContext context, string employeeId, int limit)
    {
        if (!context.Allows(Permission.EmployeePerformanceRead, employeeId)) return Answers.Forbidden<AlertRecord[]>();
        if (!context.Rules.Employees.ContainsKey(employeeId)) return Answers.NotFound<AlertRecord[]>($"Employee '{employeeId}' does not exist.");
        return Answers.Ok<AlertRecord[]>(await Employee(context, employeeId).GetAlertsAsync(limit));
    }

    public async Task<Answer<DepartmentPerformance>> GetDepartmentAsync(CallerContext context, string departmentId, string? period)
    {
        if (!context.Allows(Permission.DepartmentPerformanceRead, departmentId)) return Answers.Forbidden<DepartmentPerformance>();
        if (period is not null && !PeriodQuery.IsValid(period)) return Answers.Invalid<DepartmentPerformance>("period", PeriodQuery.Rule);
        if (context.Rules.FindDepartment(departmentId) is null) return Answers.NotFound<DepartmentPerformance>($"Department '{departmentId}' does not exist.");
        var now = clock.GetUtcNow();
        return Answers.Ok<DepartmentPerformance>(period is null || IsOpen(context, period, now)
            ? await grains.GetGrain<IDepartmentGrain>(GrainKeys.For(context.TenantId, departmentId)).GetPerformanceAsync()
            : await FoldDepartmentAsync(context, departmentId, period, now));
    }

    public async Task<Answer<DepartmentPerformance>> GetOverviewAsync(CallerContext context, string? period)
    {
        if (!context.Allows(Permission.OverviewRead)) return Answers.Forbidden<DepartmentPerformance>();
        if (period is not null && !PeriodQuery.IsValid(period)) return Answers.Invalid<DepartmentPerformance>("period", PeriodQuery.Rule);
        var now = clock.GetUtcNow();
        if (period is null || IsOpen(context, period, now)) return Answers.Ok<DepartmentPerformance>(await overview.GetAsync(context.TenantId));

        // As the live overview: the top-level departments' summaries combined.
        var parts = new List<DepartmentPerformance>();
        foreach (var root in context.Rules.Rules.Departments.Where(d => d.ParentId is null))
        {
            parts.Add(await FoldDepartmentAsync(context, root.Id, period, now));
        }
        return Answers.Ok<DepartmentPerformance>(DepartmentAggregates.Combine(context.TenantId, period, parts, DepartmentAggregates.Ranked, now));
    }

    /// <summary>Every active member of the department and below with their scores; a member whose scores fail is listed without them, and logged.</summary>
    public async Task<Answer<TeamMember[]>> GetTeamAsync(CallerContext context, string departmentId, string? period)
    {
        if (!context.Allows(Permission.DepartmentPerformanceRead, departmentId)) return Answers.Forbidden<TeamMember[]>();
        if (period is not null && !PeriodQuery.IsValid(period)) return Answers.Invalid<TeamMember[]>("period", PeriodQuery.Rule);
        if (context.Rules.FindDepartment(departmentId) is null) return Answers.NotFound<TeamMember[]>($"Department '{departmentId}' does not exist.");
        var members = context.Rules.MembersOf(departmentId).Where(e => e.Active).ToArray();
        var team = new List<TeamMember>(members.Length);
        foreach (var chunk in members.Chunk(FoldsInFlight))
        {
            team.AddRange(await Task.WhenAll(chunk.Select(async member =>
                new TeamMember(member.Id, member.Name, member.DepartmentId, await MemberPerformanceAsync(context, member, period)))));
        }
        return Answers.Ok<TeamMember[]>([.. team]);
    }

    /// <summary>The aggregates of every department the caller may read (all of them for HR, a manager's own and below).</summary>
    public async Task<Answer<DepartmentPerformance[]>> GetDepartmentsAsync(CallerContext context, string? period)
    {
        if (period is not null && !PeriodQuery.IsValid(period)) return Answers.Invalid<DepartmentPerformance[]>("period", PeriodQuery.Rule);
        var readable = context.Rules.Rules.Departments.Where(d => context.Allows(Permission.DepartmentPerformanceRead, d.Id)).ToArray();
        if (readable.Length == 0) return Answers.Forbidden<DepartmentPerformance[]>();
        var results = new List<DepartmentPerformance>(readable.Length);
        foreach (var department in readable)
        {
            var answer = await GetDepartmentAsync(context, department.Id, period);
            if (answer.Value is { } performance) results.Add(performance);
        }
        return Answers.Ok<DepartmentPerformance[]>([.. results]);
    }

    private static bool IsOpen(CallerContext context, string period, DateTimeOffset now) => period == Period.Of(now, context.Rules.TimeZone);

    /// <summary>
    /// A past period of a department: each active member's scores for that period (their grain folds it from the log,
    /// or serves it from memory while it is still live), summarised as the live department is. Members without
    /// events in the period do not report; a member whose scores fail is left out and logged, the rest are shown.
    /// </summary>
    private async Task<DepartmentPerformance> FoldDepartmentAsync(CallerContext context, string departmentId, string period, DateTimeOffset now)
    {
        var members = context.Rules.MembersOf(departmentId).Where(e => e.Active).ToArray();
        var lines = new List<MemberScore>();
        foreach (var chunk in members.Chunk(FoldsInFlight))
        {
            var scores = await Task.WhenAll(chunk.Select(member => MemberLineAsync(context, member, period)));
            lines.AddRange(scores.OfType<MemberScore>());
        }
        return DepartmentAggregates.Summarise(departmentId, period, members.Length, lines, DepartmentAggregates.Ranked, DepartmentAggregates.AtRiskBelow, now);
    }

    private async Task<MemberScore?> MemberLineAsync(CallerContext context, Employee member, string period)
    {
        try
        {
            var performance = await Employee(context, member.Id).GetPerformanceAsync(period);
            return performance is { EventCount: > 0 } ? MemberScores.From(performance, member.Name) : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMemberFailed(logger, context.TenantId, period, ex);
            return null;
        }
    }

    private async Task<EmployeePerformance?> MemberPerformanceAsync(CallerContext context, Employee member, string? period)
    {
        if (context.Rules.TemplateIdFor(member.DepartmentId) is null) return null;
        try
        {
            return await Employee(context, member.Id).GetPerformanceAsync(period);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMemberFailed(logger, context.TenantId, period ?? "open", ex);
            return null;
        }
    }

    private IEmployeeGrain Employee(CallerContext context, string employeeId) =>
        grains.GetGrain<IEmployeeGrain>(GrainKeys.For(context.TenantId, employeeId));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A member's scores of tenant {TenantId} for {Period} failed; the aggregate shows the other members")]
    private static partial void LogMemberFailed(ILogger logger, string tenantId, string period, Exception exception);
}
