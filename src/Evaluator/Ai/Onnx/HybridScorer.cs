using System.Text.RegularExpressions;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace Evaluator.Ai;

/// <summary>
/// The hybrid scorer (Ai:Scorer = onnx): the local scorer's result, plus answer sentences whose embedding is close
/// to a criterion's description or exemplar, so paraphrases the concept lists miss still count as evidence.
/// </summary>
public sealed partial class HybridScorer(
    LocalScorer local, OnnxEmbeddingGenerator generator, CriterionEmbeddingCache cache,
    IOptions<AiOptions> options, ILogger<HybridScorer> logger) : IAnswerScorer
{
    private const int MaxSemanticQuotes = 2;

    public string Name => "onnx";

    public Task<Evaluation> ScoreAsync(string id, CaseRubric rubric, string answer, CancellationToken cancellationToken = default)
    {
        var baseline = local.Score(id, rubric, answer);
        try
        {
            var sentences = Sentences(answer);
            var vectors = generator.Embed(sentences.Select(s => s.Text).ToList(), cancellationToken);
            var references = cache.For(rubric);
            var threshold = (float)options.Value.Onnx.SimilarityThreshold;
            var dimensions = new Dictionary<string, DimensionResult>();
            foreach (var (dimensionId, result) in baseline.Dimensions)
            {
                var criteria = result.Criteria.ToList();
                var missing = new List<MissingCriterion>();
                foreach (var gap in result.Missing)
                {
                    var close = sentences.Select((s, i) => (s.Text, Similarity: references[gap.Id].Max(r => Dot(vectors[i], r))))
                        .Where(s => s.Similarity >= threshold)
                        .OrderByDescending(s => s.Similarity)
                        .Take(MaxSemanticQuotes)
                        .Select(s => s.Text)
                        .ToList();
                    // A paraphrase shows the idea is there; how specific it is stays the local rules' call.
                    if (close.Count > 0) criteria.Add(new CriterionResult(gap.Id, 1, close));
                    else missing.Add(gap);
                }
                dimensions[dimensionId] = Rescore(rubric.Dimensions[dimensionId].Count, criteria, missing);
            }
            return Task.FromResult(baseline with
            {
                Scorer = Name,
                Dimensions = dimensions,
                Overall = (int)dimensions.Values.Average(d => d.Score),
            });
        }
        catch (OnnxRuntimeException ex)
        {
            LogFallback(logger, id, ex.Message, ex);
            AiTelemetry.Fallbacks.Add(1);
            return Task.FromResult(baseline with { FallbackFrom = Name, FallbackReason = "the ONNX model failed: " + ex.Message });
        }
    }

    private static DimensionResult Rescore(int count, List<CriterionResult> criteria, List<MissingCriterion> missing)
    {
        var sum = criteria.Sum(c => c.Level);
        return new DimensionResult(sum * 100 / (3 * count), (int)Math.Round((double)sum / count, MidpointRounding.AwayFromZero), criteria, missing);
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Sentences as exact substrings of the answer.</summary>
    internal static List<(string Text, int Start)> Sentences(string answer) =>
        SentencePattern().Matches(answer).Select(m => (m.Value.Trim(), m.Index)).Where(s => s.Item1.Length > 0).ToList();

    [GeneratedRegex(@"[^\n.!?]+(?:[.!?]+(?=\s|$)|$)?", RegexOptions.Multiline)]
    private static partial Regex SentencePattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "ONNX scorer failed for {EvaluationId}; answering with the local scorer: {Reason}")]
    private static partial void LogFallback(ILogger logger, string evaluationId, string reason, Exception exception);
}
