using Evaluator.Hosting;
using Evaluator.Rubrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Ai;

/// <summary>The core services as the server and CLI compose them, pointed at a fake model server.</summary>
public static class AiTestHost
{
    public static ServiceProvider Build(FakeModelServer? server, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Rubrics:Path"] = RubricFolder.Value,
            ["Prompts:Path"] = Path.Combine(TestPaths.RepoRoot, "prompts"),
            ["Ai:Scorer"] = "llm",
            ["Ai:Llm:Provider"] = "openai-compatible",
            ["Ai:Llm:Endpoint"] = server?.Endpoint ?? "http://127.0.0.1:9/v1",
            ["Ai:Llm:Model"] = "fake-judge",
            // Fast enough for tests: short timeouts and back-off.
            ["Ai:Llm:TimeoutSeconds"] = "2",
            ["Ai:Llm:TotalTimeoutSeconds"] = "10",
            ["Ai:Llm:MaxRetries"] = "2",
            ["Ai:Llm:RetryDelayMilliseconds"] = "20",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddEvaluatorCore(configuration).BuildServiceProvider(validateScopes: true);
    }

    /// <summary>The shipped framework with a frozen one-criterion-per-dimension news-feed case (Assets/ai-rubrics).</summary>
    private static readonly Lazy<string> RubricFolder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "evaluator-ai-rubrics-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(TestPaths.Rubrics, "framework.yaml"), Path.Combine(folder, "framework.yaml"), overwrite: true);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "Evaluator.Tests", "Assets", "ai-rubrics"), "*.yaml"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        return folder;
    });

    public static CaseRubric NewsFeed(IServiceProvider services) => services.GetRequiredService<RubricSet>().Get("news-feed");
}
