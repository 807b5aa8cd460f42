using Evaluator.Ai;
using Evaluator.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Evaluator.Tests.Ai;

/// <summary>Ai:* validation, prompt files and the evidence locator.</summary>
public sealed class AiSettingsTests
{
    private static string Errors(IDictionary<string, string?> settings)
    {
        using var services = AiTestHost.Build(null, settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value).Message;
    }

    [Fact]
    public void Azure_without_deployment_or_key_fails_naming_each_key()
    {
        var message = Errors(new Dictionary<string, string?> { ["Ai:Llm:Provider"] = "azure-openai", ["Ai:Llm:Endpoint"] = "https://example.openai.azure.com" });

        Assert.Contains("Ai:Llm:Deployment is required", message, StringComparison.Ordinal);
        Assert.Contains("Ai:Llm:ApiKey is required", message, StringComparison.Ordinal);
        Assert.Contains("Ai__Llm__ApiKey", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_provider_and_scorer_names_are_rejected()
    {
        Assert.Contains("Ai:Llm:Provider must be one of", Errors(new Dictionary<string, string?> { ["Ai:Llm:Provider"] = "anthropic" }), StringComparison.Ordinal);
        Assert.Contains("Ai:Scorer must be one of", Errors(new Dictionary<string, string?> { ["Ai:Scorer"] = "gpt" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_must_be_an_absolute_http_url_and_samples_bounded()
    {
        var message = Errors(new Dictionary<string, string?> { ["Ai:Llm:Endpoint"] = "localhost:11434", ["Ai:Llm:Samples"] = "0" });

        Assert.Contains("Ai:Llm:Endpoint must be an absolute http(s) URL", message, StringComparison.Ordinal);
        Assert.Contains("Ai:Llm:Samples must be between 1 and 9", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_settings_are_not_checked_while_no_model_is_used()
    {
        using var services = AiTestHost.Build(null, new Dictionary<string, string?> { ["Ai:Scorer"] = "local", ["Ai:Llm:Provider"] = "nonsense" });

        Assert.Equal("local", services.GetRequiredService<IOptions<AiOptions>>().Value.Scorer);
    }

    [Fact]
    public void Prompt_file_front_matter_becomes_the_function_config()
    {
        var config = PromptFile.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "prompts", "judge.prompt")), "judge.prompt");

        Assert.Equal("judge", config.Name);
        Assert.Contains(config.InputVariables, v => v.Name == "answer");
        Assert.Equal(0L, config.ExecutionSettings["default"].ExtensionData!["temperature"]);
        Assert.StartsWith("<message role=\"system\">", config.Template, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_front_matter_reports_file_and_line()
    {
        var error = Assert.Throws<PromptFileException>(() => PromptFile.Parse("---\nname: x\ninput_variables: [\n---\nbody", "x.prompt"));

        Assert.StartsWith("x.prompt:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edited_prompt_file_is_used_without_a_restart()
    {
        using var folder = new TempFolder();
        var path = folder.File("hello.prompt", "---\nname: hello\ndescription: first\n---\nHello {{$name}}");
        var library = new PromptLibrary(Options.Create(new PromptOptions { Path = folder.Path }));
        var first = library.Get("hello");

        File.WriteAllText(path, "---\nname: hello\ndescription: second version\n---\nGood morning {{$name}}");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var second = library.Get("hello");

        Assert.Equal("first", first.Description);
        Assert.Equal("second version", second.Description);
        Assert.Same(second, library.Get("hello"));
    }

    [Fact]
    public void Prompt_over_the_context_budget_is_refused_with_the_numbers()
    {
        var budget = new TokenBudget(Options.Create(new AiOptions { Llm = { ContextTokens = 50, MaxOutputTokens = 20 } }));

        var error = Assert.Throws<PromptTooLongException>(() => budget.EnsureFits(string.Join(' ', Enumerable.Repeat("monitoring", 40)), "judge"));

        Assert.Contains("over the 30 that fit in Ai:Llm:ContextTokens (50)", error.Message, StringComparison.Ordinal);
        budget.EnsureFits("short prompt", "judge");
    }

    [Fact]
    public void Quotes_are_found_despite_whitespace_and_invisible_characters_and_returned_as_written()
    {
        const string answer = "We track\u200B click-through   rate\n  per session, daily.";
        var locator = new EvidenceLocator(answer);

        Assert.Equal("track\u200B click-through   rate\n  per session", locator.Locate("track click-through rate per session"));
        Assert.Null(locator.Locate("track conversion rate"));
        Assert.Null(locator.Locate("   "));
    }

    [Fact]
    public void Spotlight_strips_invisible_characters_and_picks_a_fresh_delimiter()
    {
        Assert.Equal("ignore me", Spotlight.StripInvisible("ig\u200Bnore\u202E me\uFEFF"));
        Assert.NotEqual(Spotlight.NewDelimiter("x"), Spotlight.NewDelimiter("x"));
    }

    [Fact]
    public void Unknown_criterion_ids_and_out_of_range_levels_are_rejected()
    {
        string[] ids = ["offline-metrics"];

        Assert.Throws<JudgeReplyException>(() => JudgeReply.Parse("""{"criteria":[{"id":"made-up","level":2,"evidence":[]}]}""", ids));
        Assert.Throws<JudgeReplyException>(() => JudgeReply.Parse("""{"criteria":[{"id":"offline-metrics","level":4,"evidence":[]}]}""", ids));
        Assert.Throws<JudgeReplyException>(() => JudgeReply.Parse("""{"criteria":[{"id":"offline-metrics","level":2}]}""", ids));
        Assert.Equal(2, JudgeReply.Parse("```json\n{\"criteria\":[{\"id\":\"offline-metrics\",\"level\":2,\"evidence\":[\"a\"]}]}\n```", ids)["offline-metrics"].Level);
    }
}
