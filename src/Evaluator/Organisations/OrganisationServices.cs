using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Evaluator.Organisations;

public static class OrganisationServices
{
    /// <summary>Organisation-scoped cases (built-in plus uploaded rubrics). Safe to call more than once.</summary>
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.TryAddSingleton<OrganisationCases.ParsedCache>();
        services.TryAddScoped<OrganisationCases>();
        return services;
    }
}
