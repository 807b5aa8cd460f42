namespace Evaluator.Interviews;

/// <summary>Where one interview stands: all the engine needs to decide the next move.</summary>
public sealed record InterviewState(
    string CaseId,
    string Step,
    int ProbesInStep,
    IReadOnlyList<string> UsedProbes,
    int CandidateTurns)
{
    public const string DoneStep = "done";

    public bool Done => Step == DoneStep;
}
