using System.Text.Json;
using Evaluator.Cli;
using Evaluator.Tests.Cli;

namespace Evaluator.Tests.Ai;

/// <summary>`evaluator grade --scorer llm` against the fake model server, in-process and as a real process.</summary>
public sealed class CliLlmScorerTests : IAsyncLifetime
{
    private const string Answer = """
        We optimise a weighted sum of predicted likes, comments and shares, weighting comments higher because they
        signal meaningful interaction. Offline we use per-head ROC-AUC and log loss on a time-based split.
        """;

    private const string Quote = "Offline we use per-head ROC-AUC and log loss on a time-based split.";

    private FakeModelServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FakeModelServer.StartAsync();
        server.Script = request => new FakeReply.Content(FakeJudge.Uniform(request, 2, Quote));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Dictionary<string, string?> LlmSettings() => new()
    {
        ["Ai:Llm:Provider"] = "openai-compatible",
        ["Ai:Llm:Endpoint"] = server.Endpoint,
        ["Ai:Llm:Model"] = "fake-judge",
        ["Ai:Llm:TimeoutSeconds"] = "5",
        ["Ai:Llm:MaxRetries"] = "1",
        ["Ai:Llm:RetryDelayMilliseconds"] = "20",
    };

    [Fact]
    public async Task Grade_with_scorer_llm_uses_the_configured_model_even_when_the_default_scorer_is_local()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "--scorer", "llm", "-"], Answer, LlmSettings());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("llm", json.RootElement.GetProperty("scorer").GetString());
        var evidence = json.RootElement.GetProperty("dimensions").EnumerateObject()
            .SelectMany(d => d.Value.GetProperty("criteria").EnumerateArray())
            .SelectMany(c => c.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!)).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, quote => Assert.Equal(Quote, quote));
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task Grade_with_scorer_llm_reports_the_fallback_when_the_model_fails()
    {
        server.Script = _ => new FakeReply.Status(500);

        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "--scorer", "llm", "-"], Answer, LlmSettings());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("local", json.RootElement.GetProperty("scorer").GetString());
        Assert.Equal("llm", json.RootElement.GetProperty("fallbackFrom").GetString());
        Assert.Contains("500", json.RootElement.GetProperty("fallbackReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_with_scorer_llm_and_no_model_settings_names_the_missing_keys()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "--scorer", "llm", "-"], Answer,
            new Dictionary<string, string?> { ["Ai:Llm:Provider"] = "openai-compatible" });

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("Ai:Llm:Model is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("Ai:Llm:Endpoint is required", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Real_process_grades_with_the_llm_scorer_configured_from_the_environment()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["Ai__Llm__Provider"] = "openai-compatible",
            ["Ai__Llm__Endpoint"] = server.Endpoint,
            ["Ai__Llm__Model"] = "fake-judge",
            ["Ai__Llm__ApiKey"] = "sk-test-secret-never-logged",
        };

        var result = await CliRun.ProcessAsync(["grade", "--case", "news-feed", "--scorer", "llm", "-"], Answer, folder.Path, environment);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("llm", json.RootElement.GetProperty("scorer").GetString());
        Assert.DoesNotContain("sk-test-secret", result.Output + result.Error, StringComparison.Ordinal);
    }
}
