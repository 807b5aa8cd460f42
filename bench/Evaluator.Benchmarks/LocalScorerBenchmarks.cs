using BenchmarkDotNet.Attributes;
using Evaluator.Hosting;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.ML.Tokenizers;

namespace Evaluator.Benchmarks;

/// <summary>
/// Scoring one ~800-word answer with the local scorer, against one o200k (gpt-4o) tokenizer encode of the
/// same text as the baseline (target: at most 3x). Batch1000 scores 1,000 different answers: answers/s = 1000 / mean.
/// </summary>
[MemoryDiagnoser]
public class LocalScorerBenchmarks
{
    private const int TargetWords = 800;
    private const int BatchSize = 1000;

    private LocalScorer scorer = null!;
    private CaseRubric rubric = null!;
    private Tokenizer tokenizer = null!;
    private string answer = "";
    private string[] batch = [];

    [GlobalSetup]
    public void Setup()
    {
        var rubrics = RubricLoader.LoadFolder(ContentPaths.Resolve(null, "rubrics"));
        rubric = rubrics.Get("news-feed");
        scorer = new LocalScorer(rubrics);
        tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

        // A realistic answer: the held-out set's strong news-feed answer, its paragraphs repeated to ~800 words. (The
        // rubric's exemplars, used until 2026-12-06, are now copied rubric text that the scorer drops early.)
        var heldOut = File.ReadLines(Path.Combine(BatchApiBenchmarks.RepoRoot(), "tests", "Evaluator.Tests", "Data", "heldout.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .First(e => e.GetProperty("case").GetString() == "news-feed" && e.GetProperty("profile").GetString() == "strong")
            .GetProperty("answer").GetString()!;
        var sections = heldOut.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        var text = new System.Text.StringBuilder();
        for (var i = 0; text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < TargetWords; i++)
            text.Append(sections[i % sections.Count]).Append("\n\n");
        answer = text.ToString();

        // Different answers (rotated paragraphs, numbered) so no per-answer work can be reused.
        var paragraphs = answer.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        batch = Enumerable.Range(0, BatchSize)
            .Select(i => $"Answer {i}.\n\n" + string.Join("\n\n", paragraphs.Skip(i % paragraphs.Length).Concat(paragraphs.Take(i % paragraphs.Length))))
            .ToArray();
        scorer.Score("warm-up", rubric, answer);
    }

    [Benchmark(Baseline = true)]
    public int TokenizeO200k() => tokenizer.EncodeToIds(answer).Count;

    [Benchmark]
    public int ScoreOneAnswer() => scorer.Score("bench", rubric, answer).Overall;

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int ScoreBatchPerAnswer()
    {
        var sum = 0;
        foreach (var item in batch) sum += scorer.Score("bench", rubric, item).Overall;
        return sum;
    }
}
