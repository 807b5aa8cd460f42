using Evaluator.Rubrics;
using Evaluator.Scoring;
using static Evaluator.Tests.Scoring.LocalScoring;

namespace Evaluator.Tests.Scoring;

/// <summary>An answer written for one case, submitted for another.</summary>
public class OtherCaseTests
{
    private static DevAnswer Labelled(string id) => LabelledAnswers().Single(a => a.Id == id);

    [Fact]
    public void Strong_street_view_answer_submitted_for_harmful_content_scores_nothing()
    {
        var streetView = Labelled("street-view-blurring-1");

        var result = Score(streetView.Answer, "harmful-content");

        Assert.Contains(Flags.OtherCase, result.Flags);
        Assert.Equal(0, result.Overall);
    }

    [Fact]
    public void Another_cases_strong_answer_appended_to_a_weak_answer_adds_nothing()
    {
        var weak = Labelled("visual-search-h3");
        var streetView = Labelled("street-view-blurring-1");

        var before = Score(weak.Answer, weak.Case);
        var after = Score(weak.Answer + "\n\n" + streetView.Answer, weak.Case);

        Assert.Contains(Flags.OtherCase, after.Flags);
        Assert.True(after.Overall <= before.Overall, $"{before.Overall} -> {after.Overall}");
        Assert.All(Dimensions.All, d => Assert.True(after.Level(d) <= before.Level(d), $"{d}: {before.Level(d)} -> {after.Level(d)}"));
    }

    [Fact]
    public void No_labelled_answer_is_taken_for_another_cases()
    {
        var flagged = LabelledAnswers().Where(a => Score(a.Answer, a.Case).Flags.Contains(Flags.OtherCase)).Select(a => a.Id);

        Assert.Empty(flagged);
    }
}
