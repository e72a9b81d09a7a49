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
                "A 200 is sent only after every accepted event is committed to the event log; a 503 means not every event was confirmed (some may be stored): nothing is lost, and the whole request may be sent again.")
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
        IOptions<IngestionOptions> ingestionOptions,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var rules = tenant.Rules;
        var (items, item, error) = await EventBatchReader.ReadAsync(
            request, options.Value.MaxEventsPerRequest, rules, OccurrenceWindow.At(clock.GetUtcNow(), ingestionOptions.Value), cancellationToken);
        if (items is null) return Problem.Invalid(item!, error!);
        try
        {
            return TypedResults.Ok(await ingestion.IngestAsync(rules, items));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Some employee's batch was not confirmed; it may or may not be stored. Everything stored is durable and
            // idempotent, so the sender retries the whole request and gets 'duplicate' for what already went in.
            return Problem.Unavailable("Not every event was confirmed; some may already be stored. Send the same request again: events already stored will be reported as duplicates.");
        }
    }
}
