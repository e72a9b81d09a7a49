using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Pulse.Silo.Security;

namespace Pulse.Silo.Hosting;

/// <summary>Names the API and declares Pulse's credentials in the OpenAPI document, so the API page can try endpoints as a signed-in caller.</summary>
public sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Pulse API";
        document.Info.Description = "Live KPIs from business events. Sign in (POST /api/v1/auth/sign-in) and use the bearer token, or send a business system's API key as X-Api-Key.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/v1/auth/sign-in.",
        };
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AuthSchemes.ApiKeyHeader,
            Description = "A business system's key: pulse.{tenant}.{keyId}.{secret}.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
