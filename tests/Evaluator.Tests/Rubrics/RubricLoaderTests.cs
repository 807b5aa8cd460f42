using Evaluator.Rubrics;

namespace Evaluator.Tests.Rubrics;

public class RubricLoaderTests
{
    [Fact]
    public void Shipped_rubric_folder_loads_without_errors()
    {
        var (set, errors) = RubricLoader.TryLoadFolder(TestPaths.Rubrics);

        Assert.Empty(errors);
        Assert.NotNull(set);
        Assert.Equal(Dimensions.All, set.Framework.Dimensions.Select(d => d.Id));
        Assert.Equal(7, set.Framework.Steps.Count);
    }

    [Fact]
    public void Unknown_key_is_reported_with_file_and_line()
    {
        var framework = RubricLoader.LoadFolder(TestPaths.Rubrics).Framework;
        var yaml = File.ReadAllText(Path.Combine(TestPaths.Rubrics, "news-feed.yaml"))
            .Replace("title: News feed ranking", "title: News feed ranking\ntitel: typo");
        var errors = new List<RubricError>();

        var rubric = RubricLoader.ParseCase(yaml, "news-feed.yaml", framework, errors);

        Assert.Null(rubric);
        var error = Assert.Single(errors);
        Assert.Equal("news-feed.yaml", error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("unknown key 'titel'", error.Message);
    }

    [Fact]
    public void Unclosed_bracket_is_reported_with_file_and_line_not_thrown()
    {
        var framework = RubricLoader.LoadFolder(TestPaths.Rubrics).Framework;
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Rubrics, "news-feed.yaml"));
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("description:", StringComparison.Ordinal));
        lines[at] = lines[at][..lines[at].IndexOf(':')] + ": [unclosed ...";
        var errors = new List<RubricError>();

        var rubric = RubricLoader.ParseCase(string.Join('\n', lines), "news-feed.yaml", framework, errors);

        Assert.Null(rubric);
        var error = Assert.Single(errors);
        Assert.Equal(at + 1, error.Line);
        Assert.Contains("invalid YAML", error.Message);
    }
}
