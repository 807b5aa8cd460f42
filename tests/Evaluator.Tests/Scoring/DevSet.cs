using System.Text.Json;
using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Tests.Scoring;

/// <summary>One labelled answer of ../shared/devset/answers.jsonl.</summary>
public sealed record DevAnswer(string Id, string Case, string Profile, string Answer, IReadOnlyDictionary<string, int> Labels);

/// <summary>The devset scored once by the local scorer, shared by the devset tests.</summary>
public sealed class DevSetFixture
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public DevSetFixture()
    {
        Rubrics = RubricLoader.LoadFolder(TestPaths.Rubrics);
        Scorer = new LocalScorer(Rubrics);
        Answers = File.ReadLines(TestPaths.DevSet)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<DevAnswer>(line, Web)!)
            .ToList();
        Results = Answers.ToDictionary(a => a.Id, a => Scorer.Score(a.Id, Rubrics.Get(a.Case), a.Answer));
    }

    public RubricSet Rubrics { get; }

    public LocalScorer Scorer { get; }

    public IReadOnlyList<DevAnswer> Answers { get; }

    public IReadOnlyDictionary<string, Evaluation> Results { get; }
}
