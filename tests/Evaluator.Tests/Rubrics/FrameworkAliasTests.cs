using Evaluator.Rubrics;

namespace Evaluator.Tests.Rubrics;

public class FrameworkAliasTests
{
    private static string FrameworkYaml => File.ReadAllText(Path.Combine(TestPaths.Rubrics, RubricLoader.FrameworkFileName));

    [Fact]
    public void Shipped_framework_gives_every_dimension_aliases()
    {
        var framework = RubricLoader.LoadFolder(TestPaths.Rubrics).Framework;

        Assert.All(framework.Dimensions, d => Assert.NotEmpty(d.Aliases));
        Assert.Contains("monitoring", framework.Dimension(Dimensions.Monitoring).Aliases);
    }

    [Fact]
    public void Aliases_are_optional()
    {
        var yaml = string.Join('\n', FrameworkYaml.Split('\n').Where(l => !l.TrimStart().StartsWith("aliases:", StringComparison.Ordinal)));
        var errors = new List<RubricError>();

        var framework = RubricLoader.ParseFramework(yaml, "framework.yaml", errors);

        Assert.Empty(errors);
        Assert.NotNull(framework);
        Assert.All(framework.Dimensions, d => Assert.Empty(d.Aliases));
    }

    [Theory]
    [InlineData("aliases:", "    aliases: monitoring")]
    [InlineData("mentions:", "    mentions: retraining")]
    [InlineData("about:", "    about: solution")]
    public void A_bad_dimension_key_is_reported_with_file_and_line(string key, string badLine)
    {
        var lines = FrameworkYaml.Split('\n').ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith(key, StringComparison.Ordinal));
        lines[at] = badLine;
        var errors = new List<RubricError>();

        var framework = RubricLoader.ParseFramework(string.Join('\n', lines), "framework.yaml", errors);

        Assert.Null(framework);
        var error = Assert.Single(errors);
        Assert.Equal(at + 1, error.Line);
        Assert.Contains($"'{key.TrimEnd(':')}'", error.Message);
    }

    [Fact]
    public void Empty_alias_is_reported_with_its_line()
    {
        var lines = FrameworkYaml.Split('\n').ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith("aliases:", StringComparison.Ordinal));
        lines[at] = "    aliases: [monitoring, '']";
        var errors = new List<RubricError>();

        RubricLoader.ParseFramework(string.Join('\n', lines), "framework.yaml", errors);

        var error = Assert.Single(errors);
        Assert.Equal(at + 1, error.Line);
    }

    [Fact]
    public void Mentions_name_parts_of_a_dimension_beside_its_aliases()
    {
        var framework = RubricLoader.LoadFolder(TestPaths.Rubrics).Framework;

        var monitoring = framework.Dimension(Dimensions.Monitoring);

        Assert.Contains("retraining", monitoring.Mentions);
        Assert.DoesNotContain("retraining", monitoring.Aliases);
    }

    [Fact]
    public void Only_requirements_are_about_the_problem_in_the_shipped_framework()
    {
        var framework = RubricLoader.LoadFolder(TestPaths.Rubrics).Framework;

        var aboutProblem = framework.Dimensions.Where(d => d.AboutProblem).Select(d => d.Id);

        Assert.Equal([Dimensions.Requirements], aboutProblem);
    }
}
