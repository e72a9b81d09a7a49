using Microsoft.Extensions.Logging;
using Pulse.Live;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>
/// Live aggregates of a department and everything below it. Fed in batches by each silo's
/// <see cref="DepartmentReporter"/>; holds one line per member (bounded by the department's size) and nothing
/// else, so on activation it simply asks its members for their current line. A member that cannot answer is left
/// out (and logged) rather than failing the department: its line arrives with its next report. Each report's new
/// aggregates go to the live feed, so the feed carries a department at most as often as its reports arrive.
/// </summary>
public sealed partial class DepartmentGrain(TenantRulesProvider rulesProvider, LiveFeed liveFeed, TimeProvider clock, ILogger<DepartmentGrain> logger)
    : Grain, IDepartmentGrain
{
    private const int RankedCount = DepartmentAggregates.Ranked;
    private const decimal AtRiskBelow = DepartmentAggregates.AtRiskBelow;

    private readonly Dictionary<string, MemberScore> _scores = new(StringComparer.Ordinal);
    private string _tenantId = "";
    private string _departmentId = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _departmentId) = GrainKeys.Split(this.GetPrimaryKeyString());
        if (await rulesProvider.GetAsync(_tenantId) is not { } rules) return;
        var members = rules.MembersOf(_departmentId).Where(e => e.Active).ToArray();
        var lines = await Task.WhenAll(members.Select(async m =>
        {
            try
            {
                var performance = await GrainFactory.GetGrain<IEmployeeGrain>(GrainKeys.For(_tenantId, m.Id)).GetPerformanceAsync(null);
                return performance is null ? null : MemberScores.From(performance, m.Name);
            }
            catch (Exception ex)
            {
                LogMemberFailed(logger, ex, _tenantId, _departmentId, m.Id);
                return null;
            }
        }));
        foreach (var line in lines.OfType<MemberScore>()) Keep(line);
    }

    public async Task ReportAsync(MemberScore[] scores)
    {
        foreach (var score in scores) Keep(score);
        liveFeed.Publish(new DepartmentLine(_tenantId, await GetPerformanceAsync()));
    }

    public async Task<DepartmentPerformance> GetPerformanceAsync()
    {
        var rules = await rulesProvider.GetAsync(_tenantId);
        var now = clock.GetUtcNow();
        var period = rules is null ? "" : Period.Of(now, rules.TimeZone);
        var members = rules?.MembersOf(_departmentId).Where(e => e.Active).Select(e => e.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var lines = _scores.Values.Where(s => s.Period == period && members.Contains(s.EmployeeId)).ToArray();
        return DepartmentAggregates.Summarise(_departmentId, period, members.Count, lines, RankedCount, AtRiskBelow, now);
    }

    private void Keep(MemberScore score)
    {
        if (!_scores.TryGetValue(score.EmployeeId, out var known) || known.AsOf <= score.AsOf) _scores[score.EmployeeId] = score;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Department {TenantId}/{DepartmentId} left out member {EmployeeId}, which failed to answer")]
    private static partial void LogMemberFailed(ILogger logger, Exception exception, string tenantId, string departmentId, string employeeId);
}
