using Evaluator.Organisations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Evaluator.Server.Api;

/// <summary>Describes the X-Api-Key header so the /scalar page can send it.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Evaluator API";
        document.Info.Description =
            "Grades machine-learning system design answers. Send an API key in the X-Api-Key header " +
            "(create one with `evaluator keys create --org <org> --role coach|admin|candidate`). Coach keys grade and read; " +
            "admin keys also upload rubrics and manage the webhook; candidate keys (the interview page's link) only list the " +
            "organisation's cases and file interviews under it. Errors are ProblemDetails.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.Header,
            Description = "An organisation's API key.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
