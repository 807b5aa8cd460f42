using Evaluator.Rubrics;

namespace Evaluator.Scoring;

/// <summary>Grades one answer against one case rubric.</summary>
public interface IAnswerScorer
{
    /// <summary>The name reported in <see cref="Evaluation.Scorer"/>: local, onnx or llm.</summary>
    string Name { get; }

    Task<Evaluation> ScoreAsync(string id, CaseRubric rubric, string answer, CancellationToken cancellationToken = default);
}
