using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Evaluator.Ai;
using Evaluator.Hosting;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Evaluator.Benchmarks;

/// <summary>
/// Target: the judge pipeline (prompt files, spotlighting, token budget, resilience, schema check, quote checks,
/// local caps) costs at most 1.1x the same six chat calls made directly through SK against the same fake
/// OpenAI-compatible server on 127.0.0.1, which answers each call after 50 ms like a (fast) model.
/// </summary>
[MemoryDiagnoser]
public partial class LlmJudgeBenchmarks
{
    private const string Answer = """
        We optimise a weighted sum of predicted likes, comments and shares, weighting comments higher because they
        signal meaningful interaction. Offline we use per-head ROC-AUC and log loss on a time-based split.
        A multi-task neural network with one head per reaction type. We watch feature distributions and alert when PSI passes 0.2.
        """;

    private const string Quote = "Offline we use per-head ROC-AUC and log loss on a time-based split.";

    private WebApplication server = null!;
    private ServiceProvider services = null!;
    private IAnswerScorer judge = null!;
    private IChatCompletionService chat = null!;
    private CaseRubric rubric = null!;
    private List<ChatHistory> direct = [];

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.MapPost("/v1/chat/completions", ReplyAsync);
        await server.StartAsync();
        var baseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ai:Scorer"] = "llm",
            ["Ai:Llm:Provider"] = "openai-compatible",
            ["Ai:Llm:Endpoint"] = baseUrl + "/v1",
            ["Ai:Llm:Model"] = "fake",
            ["Rubrics:Path"] = Path.Combine(OnnxEmbeddingBenchmarks.RepoRoot(), "rubrics"),
            ["Prompts:Path"] = Path.Combine(OnnxEmbeddingBenchmarks.RepoRoot(), "prompts"),
        }).Build();
        services = new ServiceCollection().AddLogging().AddEvaluatorCore(configuration).BuildServiceProvider();
        judge = services.GetRequiredKeyedService<IAnswerScorer>("llm");
        rubric = services.GetRequiredService<RubricSet>().Get("news-feed");
        chat = services.GetRequiredService<Kernel>().GetRequiredService<IChatCompletionService>();

        // The direct calls carry the same rendered prompts the judge sends, one per dimension.
        var kernel = services.GetRequiredService<Kernel>();
        var config = PromptFile.Parse(File.ReadAllText(Path.Combine(OnnxEmbeddingBenchmarks.RepoRoot(), "prompts", "judge.prompt")), "judge.prompt");
        var template = new KernelPromptTemplateFactory().Create(config);
        var framework = services.GetRequiredService<RubricSet>().Framework;
        var rendered = new List<ChatHistory>();
        foreach (var dimension in framework.Dimensions)
        {
            var text = await template.RenderAsync(kernel, new KernelArguments
            {
                ["case_title"] = rubric.Title, ["case_prompt"] = rubric.Prompt, ["dimension"] = dimension.Description,
                ["levels"] = string.Join('\n', dimension.Levels.Select(l => $"{l.Key}: {l.Value}")),
                ["criteria"] = string.Join('\n', rubric.Dimensions[dimension.Id].Select(c => $"- id: {c.Id}\n  description: {c.Description}\n  exemplar: {c.Exemplar}")),
                ["delimiter"] = "=====ANSWER=====", ["answer"] = Answer,
            });
            var messages = MessagePattern().Matches(text);
            var history = new ChatHistory();
            history.AddSystemMessage(WebUtility.HtmlDecode(messages[0].Groups[1].Value.Trim()));
            history.AddUserMessage(WebUtility.HtmlDecode(messages[1].Groups[1].Value.Trim()));
            rendered.Add(history);
        }
        direct = rendered;
        await Judge(); // warm the tokenizer, prompt cache and connections
        await DirectChatCalls();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> DirectChatCalls()
    {
        var replies = await Task.WhenAll(direct.Select(h => chat.GetChatMessageContentAsync(h)));
        return replies.Sum(r => r.Content!.Length);
    }

    [Benchmark]
    public async Task<int> Judge() => (await judge.ScoreAsync("bench", rubric, Answer)).Overall;

    private static async Task ReplyAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var user = string.Join('\n', body["messages"]!.AsArray().Select(m => (string?)m!["content"] ?? ""));
        var ids = CriterionLine().Matches(user).Select(m => m.Groups[1].Value);
        var content = JsonSerializer.Serialize(new { criteria = ids.Select(id => new { id, level = 2, evidence = new[] { Quote } }) });
        await Task.Delay(50);
        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-bench", @object = "chat.completion", created = 1_700_000_000, model = "fake",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        });
    }

    [GeneratedRegex(@"<message role=""\w+"">(.*?)</message>", RegexOptions.Singleline)]
    private static partial Regex MessagePattern();

    [GeneratedRegex(@"^- id: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex CriterionLine();
}
