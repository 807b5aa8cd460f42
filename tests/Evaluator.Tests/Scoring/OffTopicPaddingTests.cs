namespace Evaluator.Tests.Scoring;

/// <summary>
/// Off-topic paragraphs put before and after every labelled answer (61 answers, ten cases). A sentence about
/// gardening can still share an everyday word with a concept list ("every day", "weather"), so a few answers gain a
/// mention; these bars keep that rare and small. On 2026-12-06 it was 71 of 976 padded answers, by 8 points at most
/// (87 of 976, up to 11 points, before the day's scorer changes).
/// </summary>
public class OffTopicPaddingTests(DevSetFixture devset, HeldOutFixture heldOut)
    : IClassFixture<DevSetFixture>, IClassFixture<HeldOutFixture>
{
    private static readonly string[] Paragraphs =
    [
        "Last weekend I visited my cousin in the countryside. We cooked pasta, walked the dog along the river and talked about the football season, which has been disappointing for both of our teams so far.",
        "The history of the Roman empire is long and complicated: emperors rose and fell, the borders moved many times, and the capital itself was eventually split between east and west.",
        "My favourite recipe is a slow-cooked stew. You brown the meat, add onions, carrots and a glass of wine, then leave it in the oven for three hours until everything is soft.",
        "When I travel I always pack light: two shirts, one jacket, a good book and a phone charger. Airports are stressful, so I arrive early and find a quiet corner to read.",
        "The city council voted to repaint the old bridge in a brighter colour, and local artists were invited to submit designs that reflect the neighbourhood and its people.",
        "Gardening teaches patience. Seeds take weeks to sprout, weeds come back every day, and the weather decides more than you do, but the first tomatoes of the summer are worth it.",
        "Our team played a friendly match against the neighbouring village; the score was level until the last minute, when a long shot from midfield surprised everyone, including the goalkeeper.",
        "I have been learning to play the guitar. At first my fingers hurt and the chords sounded wrong, but after a few months of practice I can play several simple songs for my friends.",
    ];

    [Fact]
    public void Off_topic_paragraphs_raise_few_labelled_answers_and_never_by_much()
    {
        var raises = new List<int>();
        var padded = 0;

        foreach (var set in new LabelledSetFixture[] { devset, heldOut })
            foreach (var answer in set.Answers)
                foreach (var paragraph in Paragraphs)
                    foreach (var text in new[] { answer.Answer + "\n\n" + paragraph + "\n", paragraph + "\n\n" + answer.Answer })
                    {
                        padded++;
                        var overall = set.Scorer.Score(answer.Id, set.Rubrics.Get(answer.Case), text).Overall;
                        if (overall > set.Results[answer.Id].Overall) raises.Add(overall - set.Results[answer.Id].Overall);
                    }

        Assert.Equal(976, padded);
        Assert.True(raises.Count <= 0.08 * padded, $"{raises.Count} of {padded} padded answers scored higher");
        Assert.True(raises.DefaultIfEmpty().Max() <= 10, $"a paragraph about something else added {raises.Max()} points");
    }
}
