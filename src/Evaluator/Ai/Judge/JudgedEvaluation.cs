using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Ai;

/// <summary>Turns the judge's verdicts into an Evaluation: median over samples, evidence checked, local flags kept.</summary>
internal static class JudgedEvaluation
{
    public static Evaluation Build(string id, CaseRubric rubric, string answer, Evaluation baseline, IReadOnlyList<JudgedDimension> judged)
    {
        var locator = new EvidenceLocator(answer);
        var disagreement = false;
        var dimensions = new Dictionary<string, DimensionResult>();
        foreach (var dimension in judged)
        {
            var results = new List<CriterionResult>();
            var missing = new List<MissingCriterion>();
            foreach (var criterion in rubric.Dimensions[dimension.Id])
            {
                var verdicts = dimension.Samples.Select(s => s[criterion.Id]).ToList();
                var median = Median(verdicts.Select(v => v.Level));
                disagreement |= verdicts.Any(v => v.Level != median);
                var claimed = verdicts.Where(v => v.Level == median).SelectMany(v => v.Evidence).ToList();
                var verified = claimed.Select(locator.Locate).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                var level = Supported(median, verified);
                if (level == 0) missing.Add(new MissingCriterion(criterion.Id, criterion.Probes[0]));
                else results.Add(new CriterionResult(criterion.Id, level, verified));
            }
            var count = rubric.Dimensions[dimension.Id].Count;
            var sum = results.Sum(r => r.Level);
            dimensions[dimension.Id] = new DimensionResult(sum * 100 / (3 * count), (int)Math.Round((double)sum / count, MidpointRounding.AwayFromZero), results, missing);
        }

        var flags = baseline.Flags.ToList();
        if (disagreement) flags.Add(LlmJudge.Disagreement);
        return new Evaluation
        {
            Id = id, Case = rubric.Id, Scorer = "llm", RubricVersion = rubric.Version,
            Overall = (int)dimensions.Values.Average(d => d.Score), Dimensions = dimensions, Flags = flags,
        };
    }

    /// <summary>A level stands only as far as its verified quotes carry it; with none verified it is 0.</summary>
    private static int Supported(int level, List<string> verified) => verified.Count == 0 ? 0 : level;

    /// <summary>The lower median, so an even split never rounds a grade up.</summary>
    internal static int Median(IEnumerable<int> levels)
    {
        var sorted = levels.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
