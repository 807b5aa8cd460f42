using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Evaluator.Ai;

/// <summary>The HttpClient handed to Semantic Kernel's OpenAI connector, with our resilience pipeline.</summary>
internal static class LlmHttp
{
    public const string ClientName = "Evaluator.Llm";

    /// <summary>
    /// Total timeout, retries with exponential back-off (Retry-After honoured) on 408/429/5xx and timeouts,
    /// a circuit breaker, and a per-attempt timeout. The connector disables its own retries when given a client.
    /// </summary>
    public static IServiceCollection AddLlmHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("llm", (pipeline, context) =>
            {
                var llm = context.ServiceProvider.GetRequiredService<IOptions<AiOptions>>().Value.Llm;
                var attempt = TimeSpan.FromSeconds(llm.TimeoutSeconds);
                pipeline.AddTimeout(TimeSpan.FromSeconds(llm.TotalTimeoutSeconds));
                if (llm.MaxRetries > 0)
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = llm.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(llm.RetryDelayMilliseconds),
                        ShouldRetryAfterHeader = true,
                    });
                pipeline
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        // Enough calls that one evaluation's retries alone (6 dimensions) rarely open it.
                        MinimumThroughput = 20,
                        SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * llm.TimeoutSeconds)),
                        BreakDuration = TimeSpan.FromSeconds(llm.CircuitBreakSeconds),
                    })
                    .AddTimeout(attempt);
            });
        return services;
    }
}
