using Evaluator.Rubrics;

namespace Evaluator.Scoring;

/// <summary>
/// The deterministic rubric scorer: no model, no network. Matches each criterion's concept phrasings,
/// grades mention / specific / justified, and applies the dismissal, stuffing and injection rules
/// (see <see cref="AnswerAnalyzer"/>, which model-backed scorers reuse).
/// </summary>
public sealed class LocalScorer(RubricSet rubrics) : IAnswerScorer
{
    public string Name => "local";

    /// <summary>The analysis, grading and assembly steps, shared with the onnx and llm scorers.</summary>
    public AnswerAnalyzer Analyzer { get; } = new(rubrics.Framework, rubrics.Cases);

    public Task<Evaluation> ScoreAsync(string id, CaseRubric rubric, string answer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Score(id, rubric, answer));

    /// <summary>Units, flags, dismissals and concept matches of one answer (see <see cref="AnswerAnalyzer.Analyse"/>).</summary>
    public AnswerAnalysis Analyse(CaseRubric rubric, string answer) => Analyzer.Analyse(rubric, answer);

    public Evaluation Score(string id, CaseRubric rubric, string answer)
    {
        var analysis = Analyzer.Analyse(rubric, answer);
        return Analyzer.BuildEvaluation(id, analysis, Analyzer.GradeAll(analysis), Name);
    }
}
