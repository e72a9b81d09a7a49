using System.Globalization;
using Pulse.Audit;
using Pulse.Feedback;
using Pulse.Live;
using Pulse.Organisation;
using Pulse.Scoring;
using Pulse.Security;

namespace Pulse.Services;

/// <summary>
/// Feedback and praise, whoever asks (the API, the dashboard hub, the chat bot). HR, or a manager of the employee's
/// department or above, gives it; the employee, their managers and HR read it; only the employee replies, once.
/// Every write is audited and published to the live feed once stored, and answers the stored item.
/// </summary>
public sealed class FeedbackService(IFeedbackStore store, AuditTrail audit, LiveFeed liveFeed, TimeProvider clock)
{
    public const int MaxText = 2_000;
    public const int MaxPage = 100;
    public const int DefaultPage = 20;

    public async Task<Answer<FeedbackPage>> ListAsync(CallerContext context, string employeeId, string? cursor, int? limit)
    {
        if (!context.Allows(Permission.EmployeePerformanceRead, employeeId)) return Answers.Forbidden<FeedbackPage>();
        long? before = null;
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                return Answers.Invalid<FeedbackPage>("cursor", "Must be the nextCursor of an earlier page.");
            before = id;
        }
        if (limit is < 1 or > MaxPage) return Answers.Invalid<FeedbackPage>("limit", $"Must be between 1 and {MaxPage}.");
        if (!context.Rules.Employees.ContainsKey(employeeId)) return Answers.NotFound<FeedbackPage>($"Employee '{employeeId}' does not exist.");

        var size = limit ?? DefaultPage;
        // One more than the page tells whether an older page exists without a second query.
        var items = await store.PageAsync(context.TenantId, employeeId, before, size + 1);
        var page = items.Take(size).ToArray();
        var next = items.Count > size ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return Answers.Ok(new FeedbackPage(page, next));
    }

    public async Task<Answer<FeedbackItem>> GiveAsync(CallerContext context, string employeeId, NewFeedback feedback)
    {
        if (!context.Allows(Permission.FeedbackGive, employeeId)) return Answers.Forbidden<FeedbackItem>();
        if (!context.Rules.Employees.ContainsKey(employeeId)) return Answers.NotFound<FeedbackItem>($"Employee '{employeeId}' does not exist.");
        var now = clock.GetUtcNow();
        var errors = Validate(context, employeeId, feedback, now);
        if (errors.Count > 0) return Answers.Invalid<FeedbackItem>([.. errors]);

        var item = await store.AddAsync(context.TenantId, new FeedbackItem(0, employeeId, context.Caller.Name, feedback.Kind!.Value, feedback.Text!, feedback.IndicatorId, now, null));
        await audit.RecordAsync(context.Caller, "feedback.create", Target(item), null, item);
        Publish(context, item);
        return Answers.Ok(item);
    }

    public async Task<Answer<FeedbackItem>> ReplyAsync(CallerContext context, string employeeId, long feedbackId, NewFeedbackReply reply)
    {
        // Only the employee answers, and only for themself: a manager or HR may read the item, never reply to it.
        if (!context.Allows(Permission.Self) || context.Caller.EmployeeId != employeeId) return Answers.Forbidden<FeedbackItem>();
        if (reply.Kind is null) return Answers.Invalid<FeedbackItem>("kind", "Required: acknowledge or object.");
        if (reply.Text is { Length: > MaxText }) return Answers.Invalid<FeedbackItem>("text", $"At most {MaxText} characters.");
        var item = await store.FindAsync(context.TenantId, employeeId, feedbackId);
        if (item is null) return Answers.NotFound<FeedbackItem>($"Feedback {feedbackId} of employee '{employeeId}' does not exist.");
        if (item.Reply is not null) return AlreadyReplied(feedbackId);

        var answer = new FeedbackReply(reply.Kind.Value, string.IsNullOrWhiteSpace(reply.Text) ? null : reply.Text, clock.GetUtcNow());
        if (!await store.ReplyAsync(context.TenantId, employeeId, feedbackId, answer)) return AlreadyReplied(feedbackId);
        var replied = item with { Reply = answer };
        await audit.RecordAsync(context.Caller, "feedback.reply", Target(item), item, replied);
        Publish(context, replied);
        return Answers.Ok(replied);
    }

    private static List<ValidationError> Validate(CallerContext context, string employeeId, NewFeedback feedback, DateTimeOffset now)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(feedback.Text)) errors.Add(new("text", "Required: 1 to 2000 characters."));
        else if (feedback.Text.Length > MaxText) errors.Add(new("text", $"At most {MaxText} characters."));
        if (feedback.Kind is null || !Enum.IsDefined(feedback.Kind.Value)) errors.Add(new("kind", "Required: praise, improve or note."));
        if (feedback.IndicatorId is { } indicator)
        {
            var template = context.Rules.TemplateForEmployee(employeeId, Period.Of(now, context.Rules.TimeZone));
            if (template?.Sections.SelectMany(s => s.Indicators).Any(i => i.Id == indicator) != true)
                errors.Add(new("indicatorId", $"No indicator '{indicator}' in the employee's KPI template."));
        }
        return errors;
    }

    private void Publish(CallerContext context, FeedbackItem item)
    {
        string[] departmentIds = context.Rules.Employees.TryGetValue(item.EmployeeId, out var employee)
            ? [.. context.Rules.SelfAndAncestors(employee.DepartmentId).Select(d => d.Id)]
            : [];
        liveFeed.Publish(new LiveFeedback(context.TenantId, departmentIds, item));
    }

    private static Answer<FeedbackItem> AlreadyReplied(long feedbackId) => Answers.Conflict<FeedbackItem>($"Feedback {feedbackId} already has a reply; it is given once.");

    private static string Target(FeedbackItem item) => $"{item.EmployeeId}/feedback/{item.Id}";
}
