using Evaluator.Rubrics;
using static Evaluator.Tests.Scoring.LocalScoring;

namespace Evaluator.Tests.Scoring;

/// <summary>An interview transcript pasted as the answer: the candidate's lines are graded, the interviewer's are not.</summary>
public class TranscriptTests
{
    private const string InterviewerFacts =
        "Interviewer: Leadership wants meaningful interactions and daily return, not time spent. About 2B daily users open the "
        + "feed 10 times a day, so 250k requests a second, and the feed must render within 200 ms at p99.";

    [Fact]
    public void Interviewer_lines_are_never_evidence()
    {
        var transcript = InterviewerFacts + "\n\nMe: OK, I'd rank posts with a model.\n";

        var result = Score(transcript);

        Assert.All(result.AllEvidence(), e => Assert.DoesNotContain(e, InterviewerFacts, StringComparison.Ordinal));
        Assert.Equal(0, result.Level(Dimensions.Requirements));
    }

    [Fact]
    public void The_same_facts_stated_by_the_candidate_count()
    {
        var candidate = InterviewerFacts.Replace("Interviewer:", "Me: I'd assume", StringComparison.Ordinal) + "\n\nMe: OK, I'd rank posts with a model.\n";

        var result = Score(candidate);

        Assert.True(result.Level(Dimensions.Requirements) >= 2);
    }

    [Fact]
    public void Candidate_lines_between_interviewer_questions_still_count()
    {
        var transcript = """
            Interviewer: How would you serve it?
            Me: A light ranker cuts 1,500 candidates to 300 within 30 ms, then the heavy multi-task model scores them in about 60 ms on CPU, because a GPU per request would cost more than the 200 ms budget saves. Features come from an online feature store with a 10 ms read budget, and results are cached per user for a minute to absorb refreshes.
            Interviewer: And monitoring?
            Me: Daily dashboards of hide rate and comments per user, plus PSI alerts on the top features, since feed interests drift weekly. We retrain daily on fresh impressions and only promote a model whose offline AUC is not worse than production.
            """;

        var result = Score(transcript);

        Assert.True(result.Level(Dimensions.Serving) >= 2);
        Assert.True(result.Level(Dimensions.Monitoring) >= 2);
        Assert.DoesNotContain(result.AllEvidence(), e => e.Contains("How would you serve it", StringComparison.Ordinal));
    }

    [Fact]
    public void Questions_the_candidate_writes_as_Q_and_A_are_the_candidates()
    {
        var notes = "Q: How many users and how fast must it be? A: about 2B daily users and 250k requests a second at peak, "
                    + "so the feed has 200 ms at p99 and ranking gets about 100 ms of it.\n";

        var result = Score(notes);

        Assert.True(result.Level(Dimensions.Requirements) >= 1);
    }
}
