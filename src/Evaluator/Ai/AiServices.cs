using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Evaluator.Interviews;
using Evaluator.Scoring;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Evaluator.Ai;

public static class AiServices
{
    /// <summary>Ai:* options (validated at start), the kernel, prompts, the LLM judge and the ONNX scorer.</summary>
    public static IServiceCollection AddEvaluatorAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        services.AddOptions<PromptOptions>().Bind(configuration.GetSection(PromptOptions.Section));

        services.AddLlmHttpClient();
        services.AddSingleton<TokenBudget>();
        services.AddSingleton<PromptLibrary>();
        services.AddSingleton(KernelFactory.Create);

        services.AddSingleton(sp => OnnxEmbeddingGenerator.Create(sp.GetRequiredService<IOptions<AiOptions>>().Value.Onnx));

        services.AddSingleton(sp => new CriterionEmbeddingCache(
            sp.GetRequiredService<OnnxEmbeddingGenerator>(), sp.GetRequiredService<IOptions<AiOptions>>().Value.Onnx));
        services.AddSingleton<HybridScorer>();
        services.AddKeyedSingleton<IAnswerScorer>("onnx", (sp, _) => sp.GetRequiredService<HybridScorer>());

        services.AddSingleton<LlmJudge>();
        services.AddKeyedSingleton<IAnswerScorer>("llm", (sp, _) => sp.GetRequiredService<LlmJudge>());
        services.AddSingleton<LlmInterviewerVoice>();
        services.AddKeyedSingleton<IInterviewerVoice>("llm", (sp, _) => sp.GetRequiredService<LlmInterviewerVoice>());
        return services;
    }
}
