using Evaluator.Scoring;

namespace Evaluator.Ai;

/// <summary>
/// Turns the judge's verdicts into an Evaluation: median level over samples, every quote located in the answer,
/// levels cut back to what verified evidence supports, then the local scorer's caps and flags.
/// </summary>
internal static class JudgedEvaluation
{
    public static Evaluation Build(string id, AnswerAnalyzer analyzer, AnswerAnalysis analysis, IReadOnlyList<JudgedDimension> judged)
    {
        var locator = new EvidenceLocator(analysis.Answer);
        var disagreement = false;
        var results = new Dictionary<string, CriterionResult>(StringComparer.Ordinal);
        foreach (var dimension in judged)
            foreach (var criterion in analysis.Rubric.Dimensions[dimension.Id])
            {
                var verdicts = dimension.Samples.Select(s => s[criterion.Id]).ToList();
                var median = Median(verdicts.Select(v => v.Level));
                disagreement |= verdicts.Any(v => v.Level != median);
                var claimed = verdicts.Where(v => v.Level == median).SelectMany(v => v.Evidence).Distinct(StringComparer.Ordinal).ToList();
                var verified = claimed.Select(locator.Locate).OfType<string>().Distinct(StringComparer.Ordinal)
                    .Where(q => analysis.FindUnit(q) is { CanBeEvidence: true }).ToList();
                results[criterion.Id] = new CriterionResult(criterion.Id, Supported(analyzer, analysis, criterion.Id, median, claimed.Count, verified), verified);
            }

        // BuildEvaluation applies the caps: injected or dismissed text never counts, list-like evidence is level 1 at most.
        var evaluation = analyzer.BuildEvaluation(id, analysis, results, "llm");
        return disagreement ? evaluation with { Flags = [.. evaluation.Flags, LlmJudge.Disagreement] } : evaluation;
    }

    /// <summary>
    /// The judge's level stands when all its quotes check out. When some do not, the level is what the quotes
    /// that do check out support, graded by the local rules (0 with none).
    /// </summary>
    private static int Supported(AnswerAnalyzer analyzer, AnswerAnalysis analysis, string criterionId, int level, int claimed, List<string> verified)
    {
        if (verified.Count == claimed && (verified.Count > 0 || level == 0)) return level;
        if (verified.Count == 0) return 0;
        var units = verified.Select(q => analysis.FindUnit(q)!.Index);
        return Math.Min(level, analyzer.GradeCriterion(analysis, criterionId, units).Level);
    }

    /// <summary>The lower median, so an even split never rounds a grade up.</summary>
    internal static int Median(IEnumerable<int> levels)
    {
        var sorted = levels.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
