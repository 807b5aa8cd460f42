using Evaluator.Scoring;

namespace Evaluator.Interviews;

// The shapes the hub returns (DESIGN.md, "Live interview hub"); serialised camelCase.

public static class Roles
{
    public const string Interviewer = "interviewer";
    public const string Candidate = "candidate";
}

public sealed record StartedInterview(string SessionId, string ResumeToken, string Step, string Message);

public sealed record AnswerReply(string Step, string Message, IReadOnlyDictionary<string, int> Coverage, bool Done);

public sealed record ResumedInterview(
    string Step,
    IReadOnlyList<TranscriptEntry> Transcript,
    IReadOnlyDictionary<string, int> Coverage,
    bool Done);

/// <param name="Step">The step the turn was spoken in.</param>
public sealed record TranscriptEntry(string Role, string Text, DateTimeOffset At, string Step);

/// <summary>The end-of-interview report: the scoring contract over the whole transcript, per step, and the transcript.</summary>
public sealed record InterviewReport(
    string SessionId,
    string Case,
    string EndReason,
    Evaluation Evaluation,
    IReadOnlyList<StepReport> Steps,
    IReadOnlyList<TranscriptEntry> Transcript);

/// <summary>What the candidate said during one step, scored on the dimensions that step probes.</summary>
public sealed record StepReport(string Step, string Title, IReadOnlyDictionary<string, DimensionResult> Dimensions);

/// <summary>A caller's mistake (unknown case or session, wrong token, bad answer); the session is left as it was.</summary>
public sealed class InterviewException(string message) : Exception(message);
