using System.Text.Json;
using Evaluator.Cli;
using Evaluator.Rubrics;

namespace Evaluator.Tests.Cli;

public class BatchCommandTests
{
    [Fact]
    public async Task Bad_line_in_the_middle_becomes_an_error_record_and_the_rest_are_graded()
    {
        using var folder = new TempFolder();
        var input = folder.File("answers.jsonl", string.Join('\n',
            Answers.Line("a-1", "news-feed", Answers.NewsFeed),
            "{\"id\": \"a-2\", \"case\": \"news-feed\", \"answer\": ",
            "",
            Answers.Line("a-3", "news-feed", "We track engagement.") ));

        var result = await CliRun.InProcessAsync(["batch", "--input", input]);

        Assert.Equal(ExitCodes.SomeFailed, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("a-1", lines[0].GetProperty("id").GetString());
        Assert.True(lines[0].TryGetProperty("overall", out _));
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.StartsWith("invalid JSON", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("a-3", lines[2].GetProperty("id").GetString());
        Assert.Equal("news-feed", lines[2].GetProperty("case").GetString());
        Assert.Contains("1 failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_kind_of_bad_line_is_reported_with_its_line_number_and_id()
    {
        using var folder = new TempFolder();
        var input = folder.File("answers.jsonl", string.Join('\n',
            Answers.Line("ok", "news-feed", Answers.NewsFeed),
            Answers.Line("wrong-case", "no-such-case", Answers.NewsFeed),
            Answers.Line("blank", "news-feed", "   "),
            "{\"case\": \"news-feed\", \"answer\": \"x\"}",
            "[1, 2]") + "\n");

        var result = await CliRun.InProcessAsync(["batch", "--input", input]);

        Assert.Equal(ExitCodes.SomeFailed, result.ExitCode);
        var errors = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([2, 3, 4, 5], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal("wrong-case", errors[0].GetProperty("id").GetString());
        Assert.Matches("^Unknown case 'no-such-case'. Known cases: .*news-feed", errors[0].GetProperty("error").GetString());
        Assert.Contains("empty", errors[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("missing \"id\"", errors[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("JSON object", errors[3].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_batch_exits_0_in_input_order_and_ignores_extra_keys()
    {
        using var folder = new TempFolder();
        var ids = Enumerable.Range(1, 12).Select(i => $"a-{i}").ToList();
        var input = folder.File("answers.jsonl", string.Join('\n', ids.Select((id, i) =>
            Answers.Line(id, "news-feed", i % 2 == 0 ? Answers.NewsFeed : "We track engagement and clicks.",
                labels: new Dictionary<string, int> { ["metrics"] = 1 }))));

        var result = await CliRun.InProcessAsync(["batch", "--input", input]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(ids, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Csv_output_has_a_header_and_one_quoted_row_per_line()
    {
        using var folder = new TempFolder();
        var input = folder.File("answers.jsonl", string.Join('\n',
            Answers.Line("a,1 \"quoted\"", "news-feed", Answers.NewsFeed),
            "not json",
            Answers.Line("a-3", "news-feed", Answers.NewsFeed)));
        var output = Path.Combine(folder.Path, "results.csv");

        var result = await CliRun.InProcessAsync(["batch", "--input", input, "--output", output, "--format", "csv"]);

        Assert.Equal(ExitCodes.SomeFailed, result.ExitCode);
        Assert.Empty(result.Output);
        var rows = Csv.Parse(File.ReadAllText(output));
        string[] expectedHeader = ["id", "case", "overall", .. Dimensions.All.SelectMany(d => new[] { $"{d}_score", $"{d}_level" }), "flags", "error"];
        Assert.Equal(expectedHeader, rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(expectedHeader.Length, r.Count));
        Assert.Equal("a,1 \"quoted\"", rows[1][0]);
        Assert.Equal("news-feed", rows[1][1]);
        Assert.All(rows[1].Skip(2).Take(13), cell => Assert.True(int.TryParse(cell, out _), $"'{cell}' is not a number"));
        Assert.Equal("", rows[1][^1]);
        Assert.StartsWith("line 2: invalid JSON", rows[2][^1], StringComparison.Ordinal);
        Assert.All(rows[2].Skip(2).Take(13), cell => Assert.Equal("", cell));
        Assert.Equal("a-3", rows[3][0]);
    }

    [Fact]
    public async Task Missing_input_file_exits_2_naming_the_path()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "missing.jsonl");

        var result = await CliRun.InProcessAsync(["batch", "--input", missing]);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_reads_stdin_when_input_is_a_dash()
    {
        var result = await CliRun.InProcessAsync(["batch", "--input", "-"], stdin: Answers.Line("a-1", "news-feed", Answers.NewsFeed) + "\n");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("a-1", JsonDocument.Parse(result.Output).RootElement.GetProperty("id").GetString());
    }
}
