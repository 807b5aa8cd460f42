using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.Extensions.Options;

namespace Evaluator.Interviews;

/// <summary>What the engine decided after one candidate answer: the moves, the new state, and the coverage it was based on.</summary>
public sealed record InterviewDecision(InterviewState State, IReadOnlyList<InterviewMove> Moves, Evaluation Coverage);

/// <summary>
/// The interviewer's decisions, and nothing about wording: answers clarifying questions from the case's facts,
/// probes missing criteria of the current step (each probe at most once a session, at most
/// <see cref="MaxProbesPerStep"/> a step), moves through the framework's steps, and ends on the turn budget.
/// </summary>
public sealed class InterviewEngine(RubricSet rubrics, LocalScorer scorer, IOptions<InterviewOptions> options)
{
    public const int MaxProbesPerStep = 2;

    private IReadOnlyList<StepDefinition> Steps => rubrics.Framework.Steps;

    public (InterviewState State, OpenInterview Move) Open(CaseRubric rubric) =>
        (new InterviewState(rubric.Id, Steps[0].Id, 0, [], 0), new OpenInterview(rubric, Steps[0], options.Value.MaxTurns));

    /// <param name="candidateSoFar">Everything the candidate has said, this answer included: coverage is rescored on all of it.</param>
    public InterviewDecision Respond(CaseRubric rubric, InterviewState state, string answer, string candidateSoFar)
    {
        if (state.Done) throw new InvalidOperationException("The interview is already over.");
        var coverage = scorer.Score(state.CaseId, rubric, candidateSoFar);
        var next = state with { CandidateTurns = state.CandidateTurns + 1 };
        var moves = new List<InterviewMove>();

        var sentences = CandidateText.Sentences(answer);
        var questions = sentences.Where(CandidateText.IsQuestion).ToList();
        var facts = CandidateText.MatchFacts(rubric, questions);
        moves.AddRange(facts.Select(f => new AnswerFact(f)));
        // A question no fact answers is the candidate's to settle; one such reply covers them all.
        if (questions.Any(q => CandidateText.MatchFacts(rubric, [q]).Count == 0) && !CandidateText.AsksToMoveOn(answer))
            moves.Add(new AskToAssume());

        if (next.CandidateTurns >= options.Value.MaxTurns)
        {
            moves.Add(new EndInterview(InterviewEndReason.TurnBudget));
            return new(next with { Step = InterviewState.DoneStep }, moves, coverage);
        }

        if (CandidateText.AsksToMoveOn(answer))
        {
            next = Advance(next, moves, requested: true);
        }
        else if (sentences.Count > questions.Count)
        {
            // The candidate said something beyond questions: probe what this step still misses, or move on.
            var probe = NextProbe(rubric, next, coverage);
            if (probe is null) next = Advance(next, moves, requested: false);
            else
            {
                moves.Add(probe);
                next = next with { ProbesInStep = next.ProbesInStep + 1, UsedProbes = [.. next.UsedProbes, probe.Probe] };
            }
        }
        return new(next, moves, coverage);
    }

    /// <summary>The candidate ends the session before the last step.</summary>
    public static (InterviewState State, EndInterview Move) End(InterviewState state) =>
        (state with { Step = InterviewState.DoneStep }, new EndInterview(InterviewEndReason.EndedByCandidate));

    public StepDefinition? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);

    private ProbeCriterion? NextProbe(CaseRubric rubric, InterviewState state, Evaluation coverage)
    {
        if (state.ProbesInStep >= MaxProbesPerStep) return null;
        var step = Step(state.Step)!;
        foreach (var dimension in step.Dimensions)
        {
            var missing = coverage.Dimensions[dimension].Missing.Select(m => m.Id).ToHashSet();
            foreach (var criterion in rubric.Dimensions[dimension].Where(c => missing.Contains(c.Id)))
            {
                var unused = criterion.Probes.FirstOrDefault(p => !state.UsedProbes.Contains(p));
                if (unused is not null) return new ProbeCriterion(dimension, criterion, unused);
            }
        }
        return null;
    }

    private InterviewState Advance(InterviewState state, List<InterviewMove> moves, bool requested)
    {
        var index = Steps.Select(s => s.Id).ToList().IndexOf(state.Step);
        if (index + 1 >= Steps.Count)
        {
            moves.Add(new EndInterview(InterviewEndReason.Completed));
            return state with { Step = InterviewState.DoneStep, ProbesInStep = 0 };
        }
        moves.Add(new MoveToStep(Steps[index], Steps[index + 1], requested));
        return state with { Step = Steps[index + 1].Id, ProbesInStep = 0 };
    }
}
