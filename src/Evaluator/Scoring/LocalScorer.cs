using Evaluator.Rubrics;

namespace Evaluator.Scoring;

/// <summary>The deterministic rubric scorer: no model, no network.</summary>
public sealed class LocalScorer(RubricSet rubrics) : IAnswerScorer
{
    public string Name => "local";

    public Task<Evaluation> ScoreAsync(string id, CaseRubric rubric, string answer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Score(id, rubric, answer));

    /// <summary>First cut: a criterion is level 1 when any of its concept phrasings occurs.</summary>
    public Evaluation Score(string id, CaseRubric rubric, string answer)
    {
        var dimensions = new Dictionary<string, DimensionResult>();
        foreach (var definition in rubrics.Framework.Dimensions)
        {
            var criteria = new List<CriterionResult>();
            var missing = new List<MissingCriterion>();
            foreach (var criterion in rubric.Dimensions[definition.Id])
            {
                var hit = criterion.Concepts.SelectMany(g => g)
                    .Select(term => answer.IndexOf(term, StringComparison.OrdinalIgnoreCase))
                    .FirstOrDefault(i => i >= 0, -1);
                if (hit < 0) missing.Add(new(criterion.Id, criterion.Probes[0]));
                else criteria.Add(new(criterion.Id, 1, []));
            }
            var score = criteria.Count * 100 / (3 * rubric.Dimensions[definition.Id].Count);
            dimensions[definition.Id] = new(score, criteria.Count > 0 ? 1 : 0, criteria, missing);
        }
        return new Evaluation
        {
            Id = id, Case = rubric.Id, Scorer = Name, RubricVersion = rubric.Version,
            Overall = (int)dimensions.Values.Average(d => d.Score), Dimensions = dimensions, Flags = [],
        };
    }
}
