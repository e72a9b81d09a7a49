using Pulse.Security;
using Pulse.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Pulse.Services;
using Pulse.Silo.Hosting;
using Pulse.Silo.Ingestion;
using Pulse.Silo.Problems;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events").WithTags("Events");
        group.MapPost("/", IngestAsync)
            .WithSummary("Ingest business events")
            .WithDescription("A JSON array of events, or NDJSON (Content-Type application/x-ndjson), up to Pulse:MaxEventsPerRequest (default 5000) per request. " +
                "Each item is accepted, a duplicate (its id was seen before: nothing changes), or rejected with the field and reason. " +
                "A 200 is sent only after every accepted event is committed to the event log; on 503 nothing is lost and the whole request may be sent again.")
            .Accepts<object[]>("application/json", EventBatchReader.NdjsonMediaType)
            .WithMetadata(new RequestSizeLimitAttribute(AuthSetup.MaxEventsBodyBytes))
            .RequirePermission(Permission.EventsWrite);
        return group;
    }

    private static async Task<Results<Ok<IngestionResult>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpRequest request,
        PulseRequest tenant,
        IngestionService ingestion,
        IOptions<PulseOptions> options,
        CancellationToken cancellationToken)
    {
        var rules = tenant.Rules;
        var (items, item, error) = await EventBatchReader.ReadAsync(request, options.Value.MaxEventsPerRequest, rules, cancellationToken);
        if (items is null) return Problem.Invalid(item!, error!);
        try
        {
            return TypedResults.Ok(await ingestion.IngestAsync(rules, items));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Some employee's batch did not commit. Everything that did is durable and idempotent, so the sender
            // retries the whole request and gets 'duplicate' for what already went in.
            return Problem.Unavailable("The event log did not confirm every event. Send the same request again; events already stored will be reported as duplicates.");
        }
    }
}
