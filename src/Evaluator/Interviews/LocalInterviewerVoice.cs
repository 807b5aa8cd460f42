using System.Runtime.CompilerServices;

namespace Evaluator.Interviews;

/// <summary>
/// The deterministic wording of every move, one chunk per sentence. Also the wording that is committed with each turn
/// before any other voice speaks, so a crash mid-stream still leaves a readable transcript.
/// </summary>
public sealed class LocalInterviewerVoice : IInterviewerVoice
{
    public async IAsyncEnumerable<string> SpeakAsync(VoiceRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chunk in Word(request.Moves))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return chunk;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The reply as chunks; <c>string.Concat</c> of them is the message.</summary>
    public static IReadOnlyList<string> Word(IReadOnlyList<InterviewMove> moves)
    {
        var paragraphs = moves.Select(Sentences).Where(p => p.Count > 0).ToList();
        var chunks = new List<string>();
        for (var p = 0; p < paragraphs.Count; p++)
            for (var s = 0; s < paragraphs[p].Count; s++)
            {
                var last = s == paragraphs[p].Count - 1;
                var separator = !last ? " " : p < paragraphs.Count - 1 ? "\n\n" : "";
                chunks.Add(paragraphs[p][s] + separator);
            }
        return chunks;
    }

    public static string Message(IReadOnlyList<InterviewMove> moves) => string.Concat(Word(moves));

    private static List<string> Sentences(InterviewMove move) => move switch
    {
        OpenInterview open =>
        [
            $"Welcome! Today's case is {open.Case.Title}.",
            open.Case.Prompt.Trim(),
            "Here is how this works: I am your interviewer, and we will go through the steps of an ML system design interview in order: "
                + "requirements, framing, data, model, evaluation, serving and monitoring.",
            "Ask me clarifying questions whenever you like; I answer from what I know about the case, and where I have no answer, the assumption is yours to make.",
            "I may ask follow-up questions; say \"let's move on\" whenever you want the next step.",
            $"You have {open.MaxTurns} answers in all, and you can end the interview at any time to get your report.",
            open.FirstStep.Intro.Trim(),
        ],
        AnswerFact fact => [fact.Fact.Answer.Trim()],
        AskToAssume =>
        [
            "I don't have more detail on that: it's your call.",
            "State the assumption you would make and carry on from there.",
        ],
        ProbeCriterion probe => [probe.Probe.Trim()],
        MoveToStep { Requested: true } requested => ["Sure, let's move on.", $"Next: {requested.To.Title}.", requested.To.Intro.Trim()],
        MoveToStep covered => ["Good, thank you.", $"Next: {covered.To.Title}.", covered.To.Intro.Trim()],
        EndInterview { Reason: InterviewEndReason.Completed } =>
            ["That covers every step, thank you.", "The interview is over and your report is ready."],
        EndInterview { Reason: InterviewEndReason.TurnBudget } =>
            ["That was your last answer: we are out of time, thank you.", "The interview is over and your report is ready."],
        EndInterview =>
            ["Thank you, we will stop here.", "The interview is over and your report is ready."],
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, "Unknown interview move."),
    };
}
