namespace Evaluator.Scoring;

/// <summary>Turns per-criterion results into the scoring contract, enforcing evidence and dismissal rules.</summary>
internal static class EvaluationBuilder
{
    /// <summary>Weight of the k-th best criterion in a dimension: the best counts most, breadth still adds.</summary>
    private const double Decay = 0.5;

    /// <summary>Above this decayed mean (0-3) a dimension whose best criterion is 3 is deep overall.</summary>
    public const double DeepThreshold = 2.0;

    public static Evaluation Build(string id, AnswerAnalysis analysis, IReadOnlyDictionary<string, CriterionResult> results, string scorer)
    {
        var rubric = analysis.Rubric;
        var matcher = analysis.Matcher;
        var dimensions = new Dictionary<string, DimensionResult>();
        double weighted = 0, weights = 0;
        for (var d = 0; d < matcher.DimensionIds.Length; d++)
        {
            var dimension = matcher.DimensionIds[d];
            var dismissed = analysis.DismissedDimensions.Contains(dimension);
            var criteria = new List<CriterionResult>();
            var missing = new List<MissingCriterion>();
            var levels = new List<int>();
            foreach (var criterion in rubric.Dimensions.TryGetValue(dimension, out var list) ? list : [])
            {
                var (level, evidence) = results.TryGetValue(criterion.Id, out var result)
                    ? Checked(analysis, result)
                    : (0, []);
                if (dismissed) level = 0;
                levels.Add(level);
                if (level == 0) missing.Add(new MissingCriterion(criterion.Id, criterion.Probes.Count > 0 ? criterion.Probes[0] : criterion.Description));
                else criteria.Add(new CriterionResult(criterion.Id, level, evidence));
            }
            var (score, dimensionLevel) = Combine(levels);
            dimensions[dimension] = new DimensionResult(score, dimensionLevel, criteria, missing);
            weighted += matcher.Weights[d] * score;
            weights += matcher.Weights[d];
        }

        return new Evaluation
        {
            Id = id,
            Case = rubric.Id,
            Scorer = scorer,
            RubricVersion = rubric.Version,
            Overall = weights > 0 ? (int)Math.Round(weighted / weights, MidpointRounding.AwayFromZero) : 0,
            Dimensions = dimensions,
            Flags = analysis.Flags,
        };
    }

    /// <summary>
    /// A dimension's score (0-100) and level (0-3) from its criteria levels. Sorted best first, the k-th
    /// criterion weighs Decay^k, so a few deep criteria make a deep dimension without covering every one.
    /// The level never exceeds the best criterion's level.
    /// </summary>
    public static (int Score, int Level) Combine(IReadOnlyList<int> levels)
    {
        if (levels.Count == 0) return (0, 0);
        var sorted = levels.OrderDescending().ToList();
        double sum = 0, norm = 0, weight = 1;
        foreach (var level in sorted)
        {
            sum += weight * level;
            norm += weight;
            weight *= Decay;
        }
        var mean = sum / norm;
        var best = sorted[0];
        var dimensionLevel = best == 3 && mean < DeepThreshold ? 2 : best;
        return ((int)Math.Round(100 * mean / 3, MidpointRounding.AwayFromZero), dimensionLevel);
    }

    /// <summary>Keeps only evidence that is an exact substring inside a quotable unit, and caps the level to match.</summary>
    private static (int Level, IReadOnlyList<string> Evidence) Checked(AnswerAnalysis analysis, CriterionResult result)
    {
        var valid = new List<string>();
        var allListLike = true;
        foreach (var quote in result.Evidence)
        {
            if (analysis.FindUnit(quote) is not { CanBeEvidence: true } unit) continue;
            valid.Add(quote);
            allListLike &= unit.ListLike;
        }
        var level = Math.Clamp(result.Level, 0, 3);
        if (valid.Count == 0) return (0, []);
        if (allListLike) level = Math.Min(level, 1);
        return (level, valid);
    }
}
