using Evaluator.Ai;
using Evaluator.Data;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Evaluator.Hosting;

public static class CoreServices
{
    public const string DefaultConnectionString = "Data Source=evaluator.db";

    /// <summary>Registers what both the server and the CLI need: rubrics, scorers, the database.</summary>
    public static IServiceCollection AddEvaluatorCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RubricOptions>().Bind(configuration.GetSection(RubricOptions.Section));
        services.AddSingleton(sp =>
            RubricLoader.LoadFolder(ContentPaths.Resolve(sp.GetRequiredService<IOptions<RubricOptions>>().Value.Path, "rubrics")));

        // Scorers are keyed by the name users pick (--scorer, Ai:Scorer): local, onnx, llm.
        services.AddSingleton<LocalScorer>();
        services.AddKeyedSingleton<IAnswerScorer>("local", (sp, _) => sp.GetRequiredService<LocalScorer>());
        services.AddSingleton(sp => sp.GetRequiredKeyedService<IAnswerScorer>(configuration["Ai:Scorer"] ?? "local"));
        services.AddEvaluatorAi(configuration);

        // Resolved once here, not for every context a request scope creates.
        var connectionString = DatabasePath.Resolve(configuration.GetConnectionString("Evaluator") ?? DefaultConnectionString, Directory.GetCurrentDirectory());
        services.AddDbContext<EvaluatorDb>(o => o.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance));
        return services;
    }
}
