using System.Text;
using System.Text.Json;
using Evaluator.Json;

namespace Evaluator.Tests.Api;

/// <summary>Answers to the shipped news-feed case, and rubric YAML derived from it.</summary>
public static class TestAnswers
{
    public const string Case = "news-feed";

    public const string Strong =
        "We optimise meaningful interactions: engagement such as comments and shares. Offline we measure ROC-AUC and log loss " +
        "on a time split; online an A/B test on sessions per user. We serve with candidate generation then ranking, " +
        "and monitor drift with dashboards and alerts.";

    /// <summary>JSON lines for n answers: {"id":"a-1","case":..., "answer":...}.</summary>
    public static string JsonLines(int count, string caseId = Case) =>
        string.Concat(Enumerable.Range(1, count).Select(i => Line($"a-{i}", caseId, Strong) + "\n"));

    public static string Line(string id, string caseId, string answer) =>
        JsonSerializer.Serialize(new { id, @case = caseId, answer }, EvaluatorJson.Options);

    public static StringContent Ndjson(string body) => new(body, Encoding.UTF8, "application/x-ndjson");

    /// <summary>The shipped news-feed case under another id and version: an organisation's own case.</summary>
    public static string RubricYaml(string caseId, string version) =>
        File.ReadAllText(Path.Combine(TestPaths.Rubrics, "news-feed.yaml"))
            .Replace("id: news-feed", $"id: {caseId}", StringComparison.Ordinal)
            .Replace("version: \"1\"", $"version: \"{version}\"", StringComparison.Ordinal);

    public static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/yaml");
}
