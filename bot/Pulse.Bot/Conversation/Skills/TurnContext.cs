using Orleans;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Bot.Turns;
using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>One turn as the skills see it: who asks (the caller every service call presents), the tenant's index, the reply language, today in the tenant's zone.</summary>
public sealed record TurnContext(BotTurn Turn, OrgIndex Index, bool Zh, DateOnly Today, IGrainFactory Grains, CancellationToken CancellationToken)
{
    public Caller Caller => Turn.Caller;

    /// <summary>The caller's own employee record, if their account has one.</summary>
    public string? EmployeeId => Turn.Caller.EmployeeId;

    /// <summary>Managers and HR have a team view and may give feedback; the services still decide each case.</summary>
    public bool Leads => Caller.Has(Role.Manager) || Caller.Has(Role.Hr);

    public string CurrentPeriod => PeriodParser.Shift(Today, 0);

    public IPerformanceGrain Performance => Grains.GetGrain<IPerformanceGrain>(Caller.TenantId);

    public IFeedbackGrain Feedback => Grains.GetGrain<IFeedbackGrain>(Caller.TenantId);

    public IAccessPolicyGrain Policy => Grains.GetGrain<IAccessPolicyGrain>(Caller.TenantId);

    public IChatUserGrain ChatUser => Grains.GetGrain<IChatUserGrain>(GrainKeys.For(Turn.User.TenantId, Turn.User.UserName));

    public string Say(string zh, string en) => Zh ? zh : en;
}
