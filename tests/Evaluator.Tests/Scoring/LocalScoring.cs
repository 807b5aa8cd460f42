using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Tests.Scoring;

/// <summary>The shipped rubrics and one local scorer, loaded once for all scoring tests.</summary>
public static class LocalScoring
{
    private static readonly Lazy<RubricSet> LazyRubrics = new(() => RubricLoader.LoadFolder(TestPaths.Rubrics));
    private static readonly Lazy<LocalScorer> LazyScorer = new(() => new LocalScorer(Rubrics));

    public static RubricSet Rubrics => LazyRubrics.Value;

    public static LocalScorer Scorer => LazyScorer.Value;

    public static CaseRubric NewsFeed => Rubrics.Get("news-feed");

    /// <summary>Scores an answer to the news-feed case (not part of the devset).</summary>
    public static Evaluation Score(string answer, string caseId = "news-feed") => Scorer.Score("t", Rubrics.Get(caseId), answer);

    /// <summary>A hand-written answer from tests/Evaluator.Tests/Scoring/Answers.</summary>
    public static string Answer(string name) =>
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "Evaluator.Tests", "Scoring", "Answers", name + ".md"));

    /// <summary>The labelled answers of the devset and the held-out sets: every case, every profile.</summary>
    public static IEnumerable<DevAnswer> LabelledAnswers() =>
        new[] { TestPaths.DevSet, TestPaths.HeldOut }
            .Concat(Directory.GetFiles(Path.GetDirectoryName(TestPaths.HeldOut)!, "heldout-*.jsonl").Order(StringComparer.Ordinal))
            .SelectMany(LabelledSetFixture.Read);

    public static int Level(this Evaluation evaluation, string dimension) => evaluation.Dimensions[dimension].Level;

    public static IEnumerable<string> AllEvidence(this Evaluation evaluation) =>
        evaluation.Dimensions.Values.SelectMany(d => d.Criteria).SelectMany(c => c.Evidence);

    /// <summary>Everything but flags: what must not move when injected text is added.</summary>
    public static string Scores(this Evaluation evaluation) =>
        $"{evaluation.Overall} " + string.Join(" | ", evaluation.Dimensions.Select(d =>
            $"{d.Key}:{d.Value.Score}/{d.Value.Level} " + string.Join(",", d.Value.Criteria.Select(c => $"{c.Id}={c.Level}"))));
}
