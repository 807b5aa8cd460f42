using Evaluator.Cli;

namespace Evaluator.Tests.Cli;

public class RubricsCommandTests
{
    [Fact]
    public async Task Validating_a_broken_folder_exits_2_with_file_and_line()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(TestPaths.Rubrics, "*.yaml"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        var broken = Path.Combine(folder.Path, "news-feed.yaml");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("\ntitle:", "\ntitel:", StringComparison.Ordinal));
        var line = File.ReadAllLines(broken).ToList().FindIndex(l => l.StartsWith("titel:", StringComparison.Ordinal)) + 1;

        var result = await CliRun.InProcessAsync(["rubrics", "validate", folder.Path]);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"{broken}:{line}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("titel", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validating_the_shipped_rubrics_exits_0()
    {
        var result = await CliRun.InProcessAsync(["rubrics", "validate", TestPaths.Rubrics]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("valid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grading_against_a_broken_rubric_folder_exits_2_with_the_errors()
    {
        using var folder = new TempFolder();
        folder.File("framework.yaml", "version: \"1\"\ndimensions: []\nsteps: []\n");

        var result = await CliRun.InProcessAsync(["grade", "--case", "news-feed", "-"], stdin: Answers.NewsFeed,
            settings: new Dictionary<string, string?> { ["Rubrics:Path"] = folder.Path });

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("framework.yaml:", result.Error, StringComparison.Ordinal);
    }
}
