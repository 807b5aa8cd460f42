using System.Text.Json;
using Evaluator.Cli;
using Evaluator.Rubrics;

namespace Evaluator.Tests.Cli;

public class AgreementCommandTests
{
    private static string LabelledFile(TempFolder folder, params string[] extraLines) => folder.File("labelled.jsonl", string.Join('\n',
    [
        Answers.Line("strong", "news-feed", Answers.NewsFeed, Labels(2)),
        Answers.Line("weak", "news-feed", "We would use engagement and a neural network.", Labels(1)),
        Answers.Line("empty-ish", "news-feed", "I am not sure where to start.", Labels(0)),
        .. extraLines,
    ]));

    private static Dictionary<string, int> Labels(int level) => Dimensions.All.ToDictionary(d => d, _ => level);

    [Fact]
    public async Task Agreement_reports_kappa_spearman_and_a_confusion_matrix_per_dimension()
    {
        using var folder = new TempFolder();

        var result = await CliRun.InProcessAsync(["agreement", "--input", LabelledFile(folder), "--format", "json"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(3, root.GetProperty("graded").GetInt32());
        var dimensions = root.GetProperty("dimensions");
        Assert.Equal(Dimensions.All, dimensions.EnumerateObject().Select(p => p.Name));
        foreach (var figures in dimensions.EnumerateObject().Select(p => p.Value).Append(root.GetProperty("all")))
        {
            Assert.InRange(figures.GetProperty("qwk").GetDouble(), -1, 1);
            Assert.InRange(figures.GetProperty("exact").GetDouble(), 0, 1);
            // Spearman is left out (null) only when one side never varies.
            if (figures.TryGetProperty("spearman", out var spearman)) Assert.InRange(spearman.GetDouble(), -1, 1);
            var matrix = figures.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToList()).ToList();
            Assert.Equal(4, matrix.Count);
            Assert.All(matrix, r => Assert.Equal(4, r.Count));
            Assert.Equal(figures.GetProperty("pairs").GetInt32(), matrix.Sum(r => r.Sum()));
        }
        Assert.Equal(3, dimensions.GetProperty("metrics").GetProperty("pairs").GetInt32());
        Assert.Equal(18, root.GetProperty("all").GetProperty("pairs").GetInt32());
        // Rows are the human levels: the weak answer (human 1) sits in row 1 whatever the scorer predicted.
        Assert.Equal(1, dimensions.GetProperty("data").GetProperty("confusion")[1].EnumerateArray().Sum(c => c.GetInt32()));
    }

    [Fact]
    public async Task Agreement_table_shows_every_dimension_and_the_pooled_figures()
    {
        using var folder = new TempFolder();

        var result = await CliRun.InProcessAsync(["agreement", "--input", LabelledFile(folder)]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("QWK", result.Output, StringComparison.Ordinal);
        Assert.Contains("Spearman", result.Output, StringComparison.Ordinal);
        foreach (var name in Dimensions.All.Append("all"))
            Assert.Matches($@"\| {name} +\| +\d+ \| +(-?\d\.\d\d|n/a) \| +(-?\d\.\d\d|n/a) \| +\d\.\d\d \|", result.Output);
        Assert.Contains("rows = human level 0-3, columns = predicted level 0-3", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_without_usable_labels_are_reported_by_line_number_and_the_rest_still_count()
    {
        using var folder = new TempFolder();
        var input = LabelledFile(folder,
            Answers.Line("no-labels", "news-feed", Answers.NewsFeed),
            Answers.Line("bad-level", "news-feed", Answers.NewsFeed, new Dictionary<string, int> { ["metrics"] = 7 }),
            "{oops");

        var result = await CliRun.InProcessAsync(["agreement", "--input", input, "--format", "json"]);

        Assert.Equal(ExitCodes.SomeFailed, result.ExitCode);
        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(3, root.GetProperty("graded").GetInt32());
        var failed = root.GetProperty("failed").EnumerateArray().ToList();
        Assert.Equal([4, 5, 6], failed.Select(f => f.GetProperty("line").GetInt32()));
        Assert.Contains("labels", failed[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("0 to 3", failed[1].GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
