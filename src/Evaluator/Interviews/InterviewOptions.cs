namespace Evaluator.Interviews;

/// <summary>Section "Interview": the limits of one live interview, checked at start-up.</summary>
public sealed class InterviewOptions
{
    public const string Section = "Interview";

    /// <summary>Candidate answers allowed in one session; the interview ends gracefully when they are used up.</summary>
    public int MaxTurns { get; set; } = 40;

    /// <summary>Longest answer accepted, in characters.</summary>
    public int MaxAnswerLength { get; set; } = 20_000;
}
