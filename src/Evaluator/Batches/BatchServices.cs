using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Evaluator.Batches;

public static class BatchServices
{
    /// <summary>Durable batch grading: submission, the queue and the background worker.</summary>
    public static IServiceCollection AddBatches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BatchOptions>().Bind(configuration.GetSection(BatchOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PendingBatches>();
        services.AddSingleton<BatchCompletions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ResultsInMemory>();
        services.AddScoped<BatchSubmission>();
        services.AddHostedService<BatchWorker>();
        return services;
    }
}
