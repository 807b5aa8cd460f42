namespace Evaluator.Interviews;

/// <summary>Section "Interview": the limits of one live interview, checked at start-up.</summary>
public sealed class InterviewOptions
{
    public const string Section = "Interview";

    /// <summary>Candidate answers allowed in one session; the interview ends gracefully when they are used up.</summary>
    public int MaxTurns { get; set; } = 40;

    /// <summary>Longest answer accepted, in characters.</summary>
    public int MaxAnswerLength { get; set; } = 20_000;

    /// <summary>
    /// Interviews one API key may start in each <see cref="StartWindowSeconds"/> (one client address, without a key).
    /// A cohort shares one key, so this is sized for a class starting together; it caps what a leaked link costs.
    /// </summary>
    public int StartsPerWindow { get; set; } = 120;

    public int StartWindowSeconds { get; set; } = 600;
}
