using Evaluator.Rubrics;
using static Evaluator.Tests.Scoring.LocalScoring;

namespace Evaluator.Tests.Scoring;

/// <summary>How many sentences a level takes: one names a dimension, specific and deep need more than one.</summary>
public class DepthTests
{
    private const string JustifiedSentence =
        "Since posts mix text and images, I would fine-tune a pretrained multimodal transformer with a multi-task loss.";

    private const string SecondJustifiedSentence =
        "A gradient-boosted tree is the baseline to beat, because it trains in minutes and tells us how much the deep model adds.";

    [Fact]
    public void One_justified_sentence_about_a_dimension_stays_a_mention()
    {
        var answer = $"## Model\n{JustifiedSentence}\n";

        var modelling = Score(answer).Dimensions[Dimensions.Modelling];

        Assert.Equal(1, modelling.Level);
        Assert.All(modelling.Criteria, c => Assert.Equal(1, c.Level));
        Assert.Contains(modelling.Criteria, c => c.Evidence.Contains(JustifiedSentence));
    }

    [Fact]
    public void The_same_sentence_twice_is_still_one_sentence()
    {
        var answer = $"## Model\n{JustifiedSentence}\n{JustifiedSentence}\n";

        var result = Score(answer);

        Assert.Equal(1, result.Level(Dimensions.Modelling));
    }

    [Fact]
    public void A_dimension_is_deep_only_when_two_specific_sentences_back_it()
    {
        var oneSpecific = $"## Model\n{SecondJustifiedSentence}\nWe could also try a transformer.\n";
        var twoSpecific = $"## Model\n{JustifiedSentence} {SecondJustifiedSentence}\n";

        var shallow = Score(oneSpecific).Dimensions[Dimensions.Modelling];
        var deep = Score(twoSpecific).Dimensions[Dimensions.Modelling];

        Assert.Equal(2, shallow.Level);
        Assert.All(shallow.Criteria, c => Assert.True(c.Level <= 2, $"{c.Id} is at level {c.Level}"));
        Assert.Equal(3, deep.Level);
    }
}
