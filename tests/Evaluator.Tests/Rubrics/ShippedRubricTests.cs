using Evaluator.Rubrics;

namespace Evaluator.Tests.Rubrics;

/// <summary>The content bar for the rubrics we ship: every case, every dimension, enough to interview with.</summary>
public class ShippedRubricTests
{
    private static readonly RubricSet Set = RubricLoader.LoadFolder(TestPaths.Rubrics);

    public static TheoryData<string> RequiredCases =>
    [
        "visual-search", "street-view-blurring", "video-search", "harmful-content", "video-recommendation",
        "event-recommendation", "ad-click-prediction", "similar-listings", "news-feed", "people-you-may-know",
    ];

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void Every_dimension_has_three_to_six_criteria(string caseId)
    {
        var rubric = Set.Get(caseId);

        foreach (var dimension in Dimensions.All)
            Assert.InRange(rubric.Dimensions[dimension].Count, 3, 6);
    }

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void Every_criterion_has_two_probes_an_exemplar_and_concepts(string caseId)
    {
        var rubric = Set.Get(caseId);

        foreach (var (_, criterion) in rubric.AllCriteria())
        {
            Assert.True(criterion.Probes.Count >= 2, $"{caseId}/{criterion.Id} has fewer than two probes");
            Assert.False(string.IsNullOrWhiteSpace(criterion.Exemplar));
            Assert.NotEmpty(criterion.Concepts);
            Assert.All(criterion.Concepts, group => Assert.NotEmpty(group));
        }
    }

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void Facts_cover_scale_and_latency_with_triggers(string caseId)
    {
        var rubric = Set.Get(caseId);

        Assert.True(rubric.Facts.Count >= 3, $"{caseId} has fewer than three facts");
        Assert.All(rubric.Facts, fact => Assert.NotEmpty(fact.Triggers));
        Assert.Contains(rubric.Facts, f => f.Triggers.Any(t => t.Contains("scale", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(rubric.Facts, f => f.Triggers.Any(t => t.Contains("latency", StringComparison.OrdinalIgnoreCase)));
    }
}
