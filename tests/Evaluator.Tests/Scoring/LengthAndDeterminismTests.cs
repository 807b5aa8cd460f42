using System.Text.Json;
using Evaluator.Json;
using static Evaluator.Tests.Scoring.LocalScoring;

namespace Evaluator.Tests.Scoring;

public class LengthAndDeterminismTests
{
    private const string OffTopic =
        "Last weekend I visited my cousin in the countryside. We cooked pasta, walked the dog along the river and " +
        "talked about the football season, which has been disappointing for both of our teams so far. ";

    [Theory]
    [InlineData("news-feed-weak")]
    [InlineData("news-feed-negation")]
    [InlineData("news-feed-strong")]
    public void Padding_with_off_topic_text_does_not_raise_the_score(string name)
    {
        var answer = Answer(name);
        var padded = answer + "\n\n" + string.Concat(Enumerable.Repeat(OffTopic, 30));

        var clean = Score(answer);
        var result = Score(padded);

        Assert.True(result.Overall <= clean.Overall, $"{result.Overall} > {clean.Overall}");
        Assert.All(clean.Dimensions, d => Assert.True(result.Dimensions[d.Key].Score <= d.Value.Score, d.Key));
    }

    [Fact]
    public void Repeating_a_weak_answer_does_not_raise_it()
    {
        var answer = Answer("news-feed-weak");

        var result = Score(string.Join("\n\n", Enumerable.Repeat(answer, 10)));

        Assert.Equal(Score(answer).Scores(), result.Scores());
    }

    [Fact]
    public void Same_input_gives_byte_identical_output()
    {
        var answer = Answer("news-feed-strong");

        var first = JsonSerializer.Serialize(Score(answer), EvaluatorJson.Options);
        var second = JsonSerializer.Serialize(new Evaluator.Scoring.LocalScorer(LocalScoring.Rubrics).Score("t", NewsFeed, answer), EvaluatorJson.Options);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Empty_answer_scores_zero_with_every_criterion_missing()
    {
        var result = Score("");

        Assert.Equal(0, result.Overall);
        Assert.All(result.Dimensions.Values, d => Assert.Empty(d.Criteria));
        Assert.Equal(NewsFeed.AllCriteria().Count(), result.Dimensions.Values.Sum(d => d.Missing.Count));
    }
}
