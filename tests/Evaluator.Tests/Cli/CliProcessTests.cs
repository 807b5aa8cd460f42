using System.Text.Json;
using Evaluator.Cli;

namespace Evaluator.Tests.Cli;

/// <summary>The built `evaluator` program run as a real process: console streams, exit codes, no progress when piped.</summary>
public class CliProcessTests
{
    [Fact]
    public async Task Real_process_grades_an_answer_piped_on_stdin()
    {
        using var folder = new TempFolder();

        var result = await CliRun.ProcessAsync(["grade", "--case", "news-feed", "-"], Answers.NewsFeed, folder.Path);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("news-feed", json.RootElement.GetProperty("case").GetString());
    }

    [Fact]
    public async Task Real_process_exits_2_for_an_unknown_case()
    {
        using var folder = new TempFolder();

        var result = await CliRun.ProcessAsync(["grade", "--case", "no-such-case", "-"], Answers.NewsFeed, folder.Path);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("Known cases: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Real_process_batch_when_piped_writes_records_and_no_progress_bar()
    {
        using var folder = new TempFolder();
        var input = folder.File("answers.jsonl", string.Join('\n',
            Answers.Line("a-1", "news-feed", Answers.NewsFeed), "{broken", Answers.Line("a-3", "news-feed", Answers.NewsFeed)));

        var result = await CliRun.ProcessAsync(["batch", "--input", input], "", folder.Path);

        Assert.Equal(ExitCodes.SomeFailed, result.ExitCode);
        Assert.Equal(3, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("Graded 2 of 3 line(s); 1 failed (see the error records).", result.Error.Trim());
        Assert.DoesNotContain('\u001b', result.Error);
    }
}
