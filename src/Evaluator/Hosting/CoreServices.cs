using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Evaluator.Hosting;

public static class CoreServices
{
    /// <summary>Registers what both the server and the CLI need: rubrics and the scorers.</summary>
    public static IServiceCollection AddEvaluatorCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RubricOptions>().Bind(configuration.GetSection(RubricOptions.Section));
        services.AddSingleton(sp =>
            RubricLoader.LoadFolder(ContentPaths.Resolve(sp.GetRequiredService<IOptions<RubricOptions>>().Value.Path, "rubrics")));
        services.AddSingleton<LocalScorer>();
        services.AddSingleton<IAnswerScorer>(sp => sp.GetRequiredService<LocalScorer>());
        return services;
    }
}
