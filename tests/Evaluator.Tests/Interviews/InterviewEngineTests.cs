using Evaluator.Interviews;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.Extensions.Options;

namespace Evaluator.Tests.Interviews;

public class InterviewEngineTests
{
    private const string Vague = "I would think carefully about this part and keep it simple at first.";
    private static readonly RubricSet Rubrics = RubricLoader.LoadFolder(TestPaths.Rubrics);
    private static readonly CaseRubric NewsFeed = Rubrics.Get("news-feed");

    private static InterviewEngine Engine(int maxTurns = 40) =>
        new(Rubrics, new LocalScorer(Rubrics), Options.Create(new InterviewOptions { MaxTurns = maxTurns }));

    /// <summary>Plays answers one after another, as the hub does, and returns every decision.</summary>
    private static List<InterviewDecision> Play(InterviewEngine engine, CaseRubric rubric, IEnumerable<string> answers)
    {
        var state = engine.Open(rubric).State;
        var said = new List<string>();
        var decisions = new List<InterviewDecision>();
        foreach (var answer in answers)
        {
            if (state.Done) break;
            said.Add(answer);
            var decision = engine.Respond(rubric, state, answer, string.Join("\n\n", said));
            decisions.Add(decision);
            state = decision.State;
        }
        return decisions;
    }

    [Fact]
    public void Opening_gives_the_case_prompt_how_the_session_works_and_the_first_step()
    {
        var (state, move) = Engine(maxTurns: 30).Open(NewsFeed);

        var message = LocalInterviewerVoice.Message([move]);

        Assert.Equal("clarify-requirements", state.Step);
        Assert.Contains(NewsFeed.Prompt.Trim(), message, StringComparison.Ordinal);
        Assert.Contains("let's move on", message, StringComparison.Ordinal);
        Assert.Contains("30 answers", message, StringComparison.Ordinal);
        Assert.EndsWith(Rubrics.Framework.Steps[0].Intro.Trim(), message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What's the latency budget?", "latency")]
    [InlineData("How many users are there?", "scale")]
    [InlineData("Can I assume the DAU is large.", "scale")]
    public void Clarifying_question_is_answered_from_the_fact_its_trigger_names(string question, string factId)
    {
        var decision = Play(Engine(), NewsFeed, [question]).Single();

        var fact = Assert.IsType<AnswerFact>(Assert.Single(decision.Moves));
        Assert.Equal(factId, fact.Fact.Id);
        Assert.Equal("clarify-requirements", decision.State.Step);
    }

    [Fact]
    public void Question_no_fact_covers_is_left_to_the_candidate_without_a_number()
    {
        var decision = Play(Engine(), NewsFeed, ["What colour is the company logo?"]).Single();

        Assert.IsType<AskToAssume>(Assert.Single(decision.Moves));
        var message = LocalInterviewerVoice.Message(decision.Moves);
        Assert.Contains("your call", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, char.IsDigit);
    }

    [Fact]
    public void Answer_with_a_question_and_a_statement_gets_the_fact_and_then_the_next_move()
    {
        var decision = Play(Engine(), NewsFeed, ["How fast must it load? " + Vague]).Single();

        Assert.Collection(decision.Moves,
            m => Assert.Equal("latency", Assert.IsType<AnswerFact>(m).Fact.Id),
            m => Assert.IsType<ProbeCriterion>(m));
    }

    [Fact]
    public void Vague_answers_walk_every_step_with_no_probe_asked_twice_and_at_most_two_per_step()
    {
        var decisions = Play(Engine(), NewsFeed, Enumerable.Repeat(Vague, 40));

        var probes = decisions.SelectMany(d => d.Moves).OfType<ProbeCriterion>().Select(p => p.Probe).ToList();
        Assert.Equal(probes.Count, probes.Distinct().Count());
        var perStep = decisions.Zip(decisions.Skip(1).Prepend(null))
            .GroupBy(pair => pair.Second?.State.Step ?? "clarify-requirements", pair => pair.First.Moves.OfType<ProbeCriterion>().Count());
        Assert.All(perStep, step => Assert.InRange(step.Sum(), 0, InterviewEngine.MaxProbesPerStep));
        Assert.NotEmpty(probes);
        var end = Assert.IsType<EndInterview>(decisions[^1].Moves[^1]);
        Assert.Equal(InterviewEndReason.Completed, end.Reason);
    }

    [Fact]
    public void Step_whose_criteria_are_all_covered_moves_on_without_a_probe()
    {
        // A requirements answer in the candidate's own words (the rubric's exemplars pasted in would be no evidence).
        var answer = "The business goal is meaningful interactions, comments and shares between friends, rather than raw engagement, "
                     + "because optimising clicks alone rewards clickbait and people stop coming back. "
                     + "In scope are posts from friends, groups and followed pages, all content types on the mobile app and web; ads are separate. "
                     + "About 2 billion daily active users open the feed ten times a day, so roughly 250k requests per second, each with "
                     + "about 1,500 candidate posts, and the feed must render within 200 ms at p99, which leaves ranking about 100 ms. "
                     + "Privacy rules apply: users in some regions can opt out of personalisation, so we keep a chronological fallback, "
                     + "and new users with no history are a cold start, so freshness and popular posts matter for them. "
                     + "I'd frame it as multi-task pointwise prediction: for each user-post pair, predict the probability of a like, a comment, "
                     + "a share and a hide, and the training label is whether that action happened within a day of the impression.";

        var decision = Play(Engine(), NewsFeed, [answer]).Single();

        var move = Assert.IsType<MoveToStep>(Assert.Single(decision.Moves));
        Assert.False(move.Requested);
        Assert.Equal("frame-problem", decision.State.Step);
    }

    [Theory]
    [InlineData("Let's move on.")]
    [InlineData("next")]
    [InlineData("Can we move on to the next step?")]
    [InlineData("I think that's enough here, let’s move on")]
    [InlineData("Skip this one please.")]
    public void Asking_to_move_on_goes_to_the_next_step_without_a_probe(string answer)
    {
        var decision = Play(Engine(), NewsFeed, [answer]).Single();

        var move = Assert.IsType<MoveToStep>(Assert.Single(decision.Moves));
        Assert.True(move.Requested);
        Assert.Equal("frame-problem", decision.State.Step);
    }

    [Fact]
    public void Next_inside_an_ordinary_sentence_is_not_a_request_to_move_on()
    {
        var decision = Play(Engine(), NewsFeed, ["Next we would keep it simple and think about it later."]).Single();

        Assert.IsType<ProbeCriterion>(Assert.Single(decision.Moves));
        Assert.Equal("clarify-requirements", decision.State.Step);
    }

    [Fact]
    public void Turn_budget_ends_the_interview_gracefully_after_answering_the_last_question()
    {
        var decisions = Play(Engine(maxTurns: 3), NewsFeed, [Vague, Vague, "How many users are there?", Vague]);

        Assert.Equal(3, decisions.Count);
        Assert.Collection(decisions[^1].Moves,
            m => Assert.IsType<AnswerFact>(m),
            m => Assert.Equal(InterviewEndReason.TurnBudget, Assert.IsType<EndInterview>(m).Reason));
        Assert.True(decisions[^1].State.Done);
    }

    [Fact]
    public void Ending_early_marks_the_session_done_as_ended_by_the_candidate()
    {
        var (state, _) = Engine().Open(NewsFeed);

        var (ended, move) = InterviewEngine.End(state);

        Assert.True(ended.Done);
        Assert.Equal(InterviewEndReason.EndedByCandidate, move.Reason);
    }

    [Theory]
    [InlineData("What is the expected QPS", true)]
    [InlineData("how many items are in the catalogue", true)]
    [InlineData("Do we have labels for this.", true)]
    [InlineData("Can I assume we have a week of logs.", true)]
    [InlineData("Is there a latency budget?", true)]
    [InlineData("What we would do is train a ranker.", false)]
    [InlineData("When users open the app, we rank posts.", false)]
    [InlineData("Use a two-tower model.", false)]
    public void Clarifying_questions_are_told_apart_from_statements(string sentence, bool question) =>
        Assert.Equal(question, CandidateText.IsQuestion(sentence));
}
