using Evaluator.Rubrics;

namespace Evaluator.Interviews;

/// <summary>What a voice needs to word one reply: the case, the moves already decided, and the conversation so far.</summary>
public sealed record VoiceRequest(CaseRubric Case, IReadOnlyList<InterviewMove> Moves, IReadOnlyList<TranscriptEntry> Transcript);

/// <summary>
/// Turns the engine's moves into the interviewer's words, as chunks whose concatenation is the message.
/// Keyed by <c>Ai:Interviewer</c>: "local" (<see cref="LocalInterviewerVoice"/>) or "llm". A voice only words;
/// it never decides what happens next and must not add facts the moves do not carry.
/// </summary>
public interface IInterviewerVoice
{
    IAsyncEnumerable<string> SpeakAsync(VoiceRequest request, CancellationToken cancellationToken = default);
}
