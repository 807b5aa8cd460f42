using System.Text.Json;
using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Tests.Scoring;

/// <summary>One labelled answer: ../shared/devset/answers.jsonl or the held-out set.</summary>
public sealed record DevAnswer(string Id, string Case, string Profile, string Answer, IReadOnlyDictionary<string, int> Labels);

/// <summary>The devset scored once by the local scorer, shared by the devset tests.</summary>
public sealed class DevSetFixture() : LabelledSetFixture(TestPaths.DevSet);

/// <summary>
/// Answers to six cases outside the devset, written and labelled by someone who saw neither the scorer nor the
/// rubrics' concept lists: the check that the scorer generalises to cases and phrasings it was not tuned on.
/// </summary>
public sealed class HeldOutFixture() : LabelledSetFixture(TestPaths.HeldOut);

/// <summary>A labelled JSONL file scored once by the local scorer.</summary>
public abstract class LabelledSetFixture
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    protected LabelledSetFixture(string path)
    {
        Rubrics = RubricLoader.LoadFolder(TestPaths.Rubrics);
        Scorer = new LocalScorer(Rubrics);
        Answers = Read(path);
        Results = Answers.ToDictionary(a => a.Id, a => Scorer.Score(a.Id, Rubrics.Get(a.Case), a.Answer));
    }

    /// <summary>The labelled answers of a JSONL file.</summary>
    public static List<DevAnswer> Read(string path) =>
        File.ReadLines(path)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<DevAnswer>(line, Web)!)
            .ToList();

    public RubricSet Rubrics { get; }

    public LocalScorer Scorer { get; }

    public IReadOnlyList<DevAnswer> Answers { get; }

    public IReadOnlyDictionary<string, Evaluation> Results { get; }
}
