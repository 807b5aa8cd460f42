using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace Evaluator.Ai;

/// <summary>
/// The hybrid scorer (Ai:Scorer = onnx): answer units whose embedding is close to a criterion's description or
/// exemplar join the lexical concept matches as evidence, so paraphrases the concept lists miss still count.
/// The local rules (negation and dismissal, stuffing, injection, specificity) still decide the level.
/// </summary>
public sealed partial class HybridScorer(
    LocalScorer local, OnnxEmbeddingGenerator generator, CriterionEmbeddingCache cache,
    IOptions<AiOptions> options, ILogger<HybridScorer> logger) : IAnswerScorer
{
    public string Name => "onnx";

    public Task<Evaluation> ScoreAsync(string id, CaseRubric rubric, string answer, CancellationToken cancellationToken = default)
    {
        var analyzer = local.Analyzer;
        var analysis = analyzer.Analyse(rubric, answer);
        try
        {
            var units = analysis.EvidenceUnits.ToList();
            var vectors = generator.Embed(units.Select(u => u.Text).ToList(), cancellationToken);
            var references = cache.For(rubric);
            var threshold = (float)options.Value.Onnx.SimilarityThreshold;
            var close = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
            foreach (var (_, criterion) in rubric.AllCriteria())
                close[criterion.Id] = [.. units.Where((_, i) => references[criterion.Id].Max(r => Dot(vectors[i], r)) >= threshold).Select(u => u.Index)];
            return Task.FromResult(analyzer.BuildEvaluation(id, analysis, analyzer.GradeAll(analysis, close), Name));
        }
        catch (OnnxRuntimeException ex)
        {
            LogFallback(logger, id, ex.Message, ex);
            AiTelemetry.Fallbacks.Add(1);
            var baseline = analyzer.BuildEvaluation(id, analysis, analyzer.GradeAll(analysis), local.Name);
            return Task.FromResult(baseline with { FallbackFrom = Name, FallbackReason = "the ONNX model failed: " + ex.Message });
        }
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ONNX scorer failed for {EvaluationId}; answering with the local scorer: {Reason}")]
    private static partial void LogFallback(ILogger logger, string evaluationId, string reason, Exception exception);
}
