using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Organisations;

public static class OrganisationServices
{
    /// <summary>Organisation-scoped cases (built-in plus uploaded rubrics).</summary>
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationCases.ParsedCache>();
        services.AddScoped<OrganisationCases>();
        return services;
    }
}
