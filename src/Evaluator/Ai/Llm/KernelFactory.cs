using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Evaluator.Ai;

/// <summary>Builds the Semantic Kernel from Ai:Llm, with our HttpClient, filters and the ONNX embedding generator.</summary>
internal static class KernelFactory
{
    public static Kernel Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        // Resolved only when asked for, so a kernel without a pulled model still builds.
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => services.GetRequiredService<OnnxEmbeddingGenerator>());

        // Configured even when Ai:Scorer is local, so `--scorer llm` works on a per-call basis.
        if (AiOptionsValidator.LlmErrors(options.Llm).Count == 0)
        {
            var llm = options.Llm;
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(LlmHttp.ClientName);
            switch (llm.Provider)
            {
                case LlmOptions.OpenAI:
                    builder.AddOpenAIChatCompletion(llm.Model!, llm.ApiKey!, httpClient: http);
                    break;
                case LlmOptions.AzureOpenAI:
                    builder.AddAzureOpenAIChatCompletion(llm.Deployment!, llm.Endpoint!, llm.ApiKey!, modelId: llm.Model, httpClient: http);
                    break;
                default:
                    // Local servers ignore the key, but the client refuses an empty one.
                    builder.AddOpenAIChatCompletion(llm.Model!, new Uri(llm.Endpoint!), string.IsNullOrWhiteSpace(llm.ApiKey) ? "none" : llm.ApiKey, httpClient: http);
                    break;
            }
            builder.Services.AddSingleton<IFunctionInvocationFilter>(sp =>
                new ModelCallFilter(sp.GetRequiredService<ILoggerFactory>().CreateLogger<ModelCallFilter>(), llm.Provider));
            builder.Services.AddSingleton<IPromptRenderFilter>(new PromptBudgetFilter(services.GetRequiredService<TokenBudget>()));
        }
        return builder.Build();
    }
}
