using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Audit;
using Pulse.Grains;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;
using Pulse.Webhooks;

namespace Pulse.Silo.Apis;

/// <summary>Outbound webhooks: the chat-tool targets (WeCom, DingTalk, Feishu, Slack, Teams) a tenant's alerts go to. Admins only.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapGet("/", async (PulseRequest tenant, IGrainFactory grains) => TypedResults.Ok(await Grain(grains, tenant).ListAsync()))
            .WithSummary("The tenant's webhook targets (URLs masked, secrets never shown), the outbox's size and how many deliveries it dropped")
            .RequirePermission(Permission.WebhooksManage);
        group.MapPost("/", CreateAsync)
            .WithSummary("Add a webhook target")
            .WithDescription("kind: wecom, dingtalk, feishu, slack, teams. The URL (and for dingtalk and feishu the signing secret) are stored encrypted and returned only in this answer. filter: departmentIds, indicatorIds, kinds (breach, recovery); empty lists match every alert.")
            .RequirePermission(Permission.WebhooksManage);
        group.MapGet("/{webhookId}", GetAsync).WithSummary("One webhook target").RequirePermission(Permission.WebhooksManage);
        group.MapPut("/{webhookId}", UpdateAsync)
            .WithSummary("Replace a webhook target")
            .WithDescription("A missing url or secret keeps the stored one; an empty secret removes it.")
            .RequirePermission(Permission.WebhooksManage);
        group.MapDelete("/{webhookId}", DeleteAsync).WithSummary("Remove a webhook target and its waiting deliveries").RequirePermission(Permission.WebhooksManage);
        group.MapPost("/{webhookId}/test", TestAsync)
            .WithSummary("Send a test message now (one attempt) and answer what became of it")
            .RequirePermission(Permission.WebhooksManage);
        group.MapGet("/{webhookId}/deliveries", DeliveriesAsync)
            .WithSummary("The target's recent delivery attempts, newest first: time, status, HTTP status, reason, attempt")
            .RequirePermission(Permission.WebhooksManage);
        return group;
    }

    private static IWebhookGrain Grain(IGrainFactory grains, PulseRequest tenant) => grains.GetGrain<IWebhookGrain>(tenant.TenantId);

    private static async Task<Results<Created<CreatedWebhook>, ValidationProblem, ProblemHttpResult>> CreateAsync(WebhookTargetInput request, PulseRequest tenant, IGrainFactory grains, AuditTrail audit)
    {
        var answer = await Grain(grains, tenant).CreateAsync(request);
        if (answer is not { Status: AnswerStatus.Ok, Value: { } created }) return Refusal(answer);
        await audit.RecordAsync(tenant.Caller, "webhook.create", created.Target.Id, null, Audited(created.Target));
        return TypedResults.Created($"/api/v1/webhooks/{created.Target.Id}", created);
    }

    private static async Task<Results<Ok<WebhookTargetView>, ProblemHttpResult>> GetAsync(string webhookId, PulseRequest tenant, IGrainFactory grains) =>
        await Grain(grains, tenant).GetAsync(webhookId) is { } view ? TypedResults.Ok(view) : Problem.NotFound($"Webhook '{webhookId}' does not exist.");

    private static async Task<Results<Ok<WebhookTargetView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(string webhookId, WebhookTargetInput request, PulseRequest tenant, IGrainFactory grains, AuditTrail audit)
    {
        var grain = Grain(grains, tenant);
        var before = await grain.GetAsync(webhookId);
        var answer = await grain.UpdateAsync(webhookId, request);
        if (answer is { Status: AnswerStatus.Ok, Value: { } after })
        {
            await audit.RecordAsync(tenant.Caller, "webhook.update", webhookId, before is null ? null : Audited(before), Audited(after));
        }
        return answer.ToHttp();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string webhookId, PulseRequest tenant, IGrainFactory grains, AuditTrail audit)
    {
        var grain = Grain(grains, tenant);
        var before = await grain.GetAsync(webhookId);
        if (before is null || !await grain.DeleteAsync(webhookId)) return Problem.NotFound($"Webhook '{webhookId}' does not exist.");
        await audit.RecordAsync(tenant.Caller, "webhook.delete", webhookId, Audited(before), null);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookDelivery>, ValidationProblem, ProblemHttpResult>> TestAsync(string webhookId, PulseRequest tenant, IGrainFactory grains) =>
        (await Grain(grains, tenant).TestAsync(webhookId)).ToHttp();

    private static async Task<Results<Ok<WebhookDelivery[]>, ProblemHttpResult>> DeliveriesAsync(string webhookId, PulseRequest tenant, IGrainFactory grains) =>
        await Grain(grains, tenant).GetDeliveriesAsync(webhookId) is { } deliveries ? TypedResults.Ok(deliveries) : Problem.NotFound($"Webhook '{webhookId}' does not exist.");

    private static Results<Created<CreatedWebhook>, ValidationProblem, ProblemHttpResult> Refusal(Answer<CreatedWebhook> answer) => answer.Status switch
    {
        AnswerStatus.Invalid => Problem.Invalid(answer.Errors),
        AnswerStatus.NotFound => Problem.NotFound(answer.Detail ?? "Not found."),
        AnswerStatus.Conflict => Problem.Conflict(answer.Detail ?? "Conflict."),
        _ => Problem.Forbidden(answer.Detail ?? "The caller may not see or do this."),
    };

    /// <summary>What the audit log keeps of a target: its settings, never the URL's path or a secret, nor the delivery record.</summary>
    private static WebhookTargetView Audited(WebhookTargetView view) => view with { LastDelivery = null };
}
