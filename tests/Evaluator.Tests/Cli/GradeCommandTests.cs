using System.Text.Json;
using Evaluator.Cli;
using Evaluator.Rubrics;

namespace Evaluator.Tests.Cli;

public class GradeCommandTests
{
    [Fact]
    public async Task Grading_a_file_as_json_prints_the_scoring_contract()
    {
        using var folder = new TempFolder();
        var answer = folder.File("a-17.md", Answers.NewsFeed);

        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", answer, "--format", "json"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("a-17", root.GetProperty("id").GetString());
        Assert.Equal("news-feed", root.GetProperty("case").GetString());
        Assert.Equal("local", root.GetProperty("scorer").GetString());
        Assert.InRange(root.GetProperty("overall").GetInt32(), 0, 100);
        Assert.Equal(Dimensions.All, root.GetProperty("dimensions").EnumerateObject().Select(p => p.Name));
        Assert.Contains('\n', result.Output.Trim());
    }

    [Fact]
    public async Task Json_is_the_default_format()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "-"], stdin: Answers.NewsFeed);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("stdin", json.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Answer_on_stdin_is_graded_as_a_markdown_report()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "-", "--format", "md"], stdin: Answers.NewsFeed);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("# News feed ranking: evaluation of stdin", result.Output, StringComparison.Ordinal);
        Assert.Contains("**Overall: ", result.Output, StringComparison.Ordinal);
        foreach (var title in new[] { "Requirements", "Metrics", "Data", "Modelling", "Serving", "Monitoring" })
            Assert.Contains($"\n## {title}: level ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_format_redirected_is_a_plain_text_table_of_every_dimension()
    {
        using var folder = new TempFolder();
        var answer = folder.File("answer.md", Answers.NewsFeed);

        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", answer, "--format", "table"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = result.Output.Split('\n');
        var header = Assert.Single(lines, l => l.Contains("dimension", StringComparison.Ordinal));
        Assert.Equal(["dimension", "level", "score", "evidence", "missing"],
            header.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var dimension in Dimensions.All)
            Assert.Single(lines, l => l.StartsWith($"| {dimension} ", StringComparison.Ordinal));
        Assert.Contains("overall", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Fact]
    public async Task Table_from_stdin_has_one_row_per_dimension()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "-", "--format", "table"], stdin: Answers.NewsFeed);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(Dimensions.All.Count, result.Output.Split('\n').Count(l => Dimensions.All.Any(d => l.StartsWith($"| {d} ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Unknown_case_exits_2_and_lists_the_known_ids()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "no-such-case", "-"], stdin: Answers.NewsFeed);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("Unknown case 'no-such-case'", result.Error, StringComparison.Ordinal);
        Assert.Contains("news-feed", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Missing_answer_file_exits_2_naming_the_path()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "nowhere.md");

        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", missing]);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_answer_on_stdin_exits_2()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "-"], stdin: "  \n");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_scorer_exits_2_naming_the_choices()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "-", "--scorer", "magic"], stdin: Answers.NewsFeed);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("Unknown scorer 'magic'", result.Error, StringComparison.Ordinal);
        Assert.Contains("local", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_scorer_in_settings_exits_2_naming_the_setting()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "-"], stdin: Answers.NewsFeed,
            settings: new Dictionary<string, string?> { ["Ai:Scorer"] = "magic" });

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("Ai:Scorer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_scorer_can_be_picked_by_name()
    {
        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "-", "--scorer", "local"], stdin: Answers.NewsFeed);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("local", json.RootElement.GetProperty("scorer").GetString());
    }

    [Fact]
    public async Task Help_names_the_tool_and_lists_every_command()
    {
        var result = await CliRun.InProcessAsync(["--help"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("evaluator [command] [options]", result.Output, StringComparison.Ordinal);
        foreach (var command in new[] { "grade", "batch", "agreement", "rubrics" })
            Assert.Contains($"\n  {command} ", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grade", "-")]
    [InlineData("grade", "--case", "news-feed", "-", "--format", "xml")]
    [InlineData("no-such-command")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await CliRun.InProcessAsync(args, stdin: Answers.NewsFeed);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }
}
