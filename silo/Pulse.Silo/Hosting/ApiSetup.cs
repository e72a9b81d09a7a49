using System.Text.Json;
using System.Text.Json.Serialization;
using Pulse.Silo.Apis;
using Pulse.Silo.Ingestion;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;
using Scalar.AspNetCore;

namespace Pulse.Silo.Hosting;

/// <summary>The HTTP API: JSON conventions, problem details, OpenAPI, and the /api/v1 routes.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddPulseApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<SecuritySchemesTransformer>());
        builder.Services.AddSingleton<EmployeeCallBatcher>();
        builder.Services.AddSingleton<IngestionService>();
        builder.Services.AddSingleton<PulseRequestResolver>();
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>camelCase, enums as camelCase strings, and strict reading: unknown or missing properties are errors that name their path.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
    }

    public static WebApplication UsePulseApi(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePulseAuth();
        return app;
    }

    public static WebApplication MapPulseApi(this WebApplication app)
    {
        // Where the reference page looks for it: /openapi/v1.json from the site's root.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api", o => o.WithTitle("Pulse API")).AllowAnonymous();

        var v1 = app.MapGroup("/api/v1")
            .AddEndpointFilter<TenantEndpointFilter>()
            .AddEndpointFilter<CookieAntiforgeryFilter>();
        v1.MapAuthApi();
        v1.MapTenantsApi();
        v1.MapTenantApi();
        v1.MapOrganisationApi();
        v1.MapEventTypesApi();
        v1.MapDepartmentsApi();
        v1.MapEmployeesApi();
        v1.MapTemplatesApi();
        v1.MapEventsApi();
        v1.MapPerformanceApi();
        v1.MapFeedbackApi();
        v1.MapReviewsApi();
        v1.MapUsersApi();
        v1.MapApiKeysApi();
        v1.MapAuditApi();
        v1.MapWebhooksApi();
        v1.MapCyclesApi();
        v1.MapPayrollApi();
        v1.MapReportsApi();
        v1.MapReviewImportApi();
        return app;
    }
}
