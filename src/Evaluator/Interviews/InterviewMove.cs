using Evaluator.Rubrics;

namespace Evaluator.Interviews;

/// <summary>
/// What the interviewer decided to do next. The engine picks moves; a voice
/// (<see cref="IInterviewerVoice"/>) only words them, so a model can never change the decision.
/// </summary>
public abstract record InterviewMove;

/// <summary>The opening: the case prompt, how the session works, and the first step's question.</summary>
public sealed record OpenInterview(CaseRubric Case, StepDefinition FirstStep, int MaxTurns) : InterviewMove;

/// <summary>A clarifying question matched one of the case's facts.</summary>
public sealed record AnswerFact(Fact Fact) : InterviewMove;

/// <summary>A clarifying question matched no fact: the candidate must assume, nothing is invented.</summary>
public sealed record AskToAssume : InterviewMove;

/// <summary>A criterion of the current step is still missing: ask one of its probes.</summary>
public sealed record ProbeCriterion(string Dimension, Criterion Criterion, string Probe) : InterviewMove;

/// <summary>The step is covered, its probes are used up, or the candidate asked to move on.</summary>
public sealed record MoveToStep(StepDefinition From, StepDefinition To, bool Requested) : InterviewMove;

/// <summary>The interview is over; the report is ready.</summary>
public sealed record EndInterview(InterviewEndReason Reason) : InterviewMove;

public enum InterviewEndReason
{
    /// <summary>Every step was walked.</summary>
    Completed,

    /// <summary>The candidate used up <see cref="InterviewOptions.MaxTurns"/>.</summary>
    TurnBudget,

    /// <summary>The candidate ended the session early.</summary>
    EndedByCandidate,
}

public static class InterviewEndReasons
{
    /// <summary>The name clients see, "ended-by-candidate", for the enum's name as stored ("EndedByCandidate").</summary>
    public static string Name(string stored) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(stored);
}
