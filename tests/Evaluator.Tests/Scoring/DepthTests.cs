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

    [Fact]
    public void Two_sentences_joined_by_a_semicolon_count_as_two()
    {
        var answer = $"## Model\n{JustifiedSentence.TrimEnd('.')}; {char.ToLowerInvariant(SecondJustifiedSentence[0])}{SecondJustifiedSentence[1..]}\n";

        var modelling = Score(answer).Dimensions[Dimensions.Modelling];

        Assert.Equal(3, modelling.Level);
    }

    [Theory]
    [InlineData("The candidates:")] // a lead the segmenter takes off the sentence
    [InlineData("I would compare two candidates for the model:")]
    public void Items_after_a_colon_stay_one_sentence_however_long(string lead)
    {
        var answer = $"## Model\n{lead} a pretrained multimodal transformer fine-tuned with a multi-task loss since posts mix text and images; "
            + "a gradient-boosted tree as the baseline to beat, because it trains in minutes and shows what the deep model adds.\n";

        var modelling = Score(answer).Dimensions[Dimensions.Modelling];

        Assert.Equal(1, modelling.Level);
    }

    // A prose paragraph about evaluation (news-feed, held-out partial answer): its sentences share words with labels
    // ("comments", "shares") and user signals ("hides", "reports").
    private const string EvaluationParagraph =
        "Evaluation is the other thing I'd spend time on. Offline, each engagement head gets its own ROC-AUC and normalised log loss, "
        + "because a share model and a like model have very different base rates and one blended number hides that. I'd train on, say, "
        + "weeks 1-4 and test on week 5, never a random split, since future engagement leaks otherwise. Then nDCG on the final ordering "
        + "per session. Offline gains are only a filter though: the launch decision comes from an A/B test, 1% of users for two weeks, "
        + "with meaningful interactions per daily user and 7-day return rate as the primary metrics. Guardrails: hide rate, report rate, "
        + "integrity prevalence, and the \"worth your time\" survey score. If a variant wins on comments but hides go up, I wouldn't "
        + "ship it by default; that's exactly the engagement-versus-satisfaction trade-off leadership is worried about.";

    [Fact]
    public void A_paragraph_about_metrics_only_mentions_the_dimensions_it_shares_words_with()
    {
        var result = Score(EvaluationParagraph);

        Assert.Equal(3, result.Level(Dimensions.Metrics));
        Assert.Equal(1, result.Level(Dimensions.Data));
        Assert.Equal(1, result.Level(Dimensions.Monitoring));
    }

    [Fact]
    public void A_sentence_a_model_chose_for_a_criterion_counts_there_in_full()
    {
        var analysis = Scorer.Analyzer.Analyse(NewsFeed, EvaluationParagraph);
        var criterion = NewsFeed.Dimensions[Dimensions.Monitoring].Single(c => c.Id == "user-signals-and-logging").Id;
        var hides = analysis.Units.Single(u => u.Text.StartsWith("If a variant wins", StringComparison.Ordinal)).Index;

        var lexical = Scorer.Analyzer.GradeAll(analysis)[criterion];
        var chosen = Scorer.Analyzer.GradeAll(analysis, new Dictionary<string, IReadOnlyList<int>> { [criterion] = [hides] })[criterion];

        Assert.Equal(1, lexical.Level);
        Assert.True(chosen.Level >= 2, $"level {chosen.Level}");
    }

    // A prose paragraph about training data for ad clicks: one sentence touches serving (the auction), one modelling and
    // serving (embedding tables), each by one word beside another dimension's.
    private const string AdClickDataParagraph =
        "Most of the work is in the training data. Rows come from the impression log, and click events are joined onto each impression "
        + "within a 30-minute window. Only about one impression in a hundred is clicked, so I'd keep every click and a tenth of the "
        + "non-clicks, which shifts the base rate; the predicted probability must then be recalibrated, otherwise the auction, which "
        + "multiplies each bid by our estimate, charges advertisers the wrong price. Bot traffic and accidental taps are dropped using the "
        + "fraud team's flag, because otherwise the model learns to predict fraud. One failure mode is the embedding tables growing "
        + "without bound as new ad ids keep arriving, which I'd handle by evicting ids unseen for a week.";

    [Fact]
    public void A_dimension_only_touched_in_passing_stays_a_mention()
    {
        var serving = Score(AdClickDataParagraph, "ad-click-prediction").Dimensions[Dimensions.Serving];

        Assert.Equal(1, serving.Level);
        Assert.All(serving.Criteria, c => Assert.Equal(1, c.Level));
        Assert.Contains(serving.Criteria, c => c.Evidence.Any(q => q.StartsWith("Rows come from the impression log", StringComparison.Ordinal)));
    }

    [Fact]
    public void Remarks_in_passing_still_count_beside_a_sentence_about_the_dimension()
    {
        var answer = AdClickDataParagraph + "\n\nEach ad request passes targeting and budget filters, a light pre-ranker "
            + "cuts the 500 eligible ads to 100 within 10 ms, and the full model scores those before the auction ranks them by bid times pCTR.";

        var serving = Score(answer, "ad-click-prediction").Dimensions[Dimensions.Serving];

        Assert.True(serving.Level >= 2, $"serving at level {serving.Level}");
    }

    // A video-search candidate confirming the case's numbers: scale and latency are the problem, said in serving's words.
    private const string ProblemParagraph =
        "Let me pin down the problem first. Success means a search that leads to at least 30 seconds of watching, and today a "
        + "quarter of searches fail that test.\n\nThe numbers I'd confirm: about a billion public videos, half a million uploads a day, "
        + "two billion searches a day, around 60,000 queries a second at peak, and a results page within 200 ms at p99, of which "
        + "ranking gets about 120 ms. New uploads must be searchable within 15 minutes, because for news people want what is fresh.";

    // The same figures in a serving design: a query path, its components and a fallback around them.
    private const string ServingParagraph =
        "Each query goes through a query service that fans out to a lexical index and an ANN index on sharded servers, merges "
        + "about 1,000 candidates and sends them to the ranker on a GPU fleet with request batching. At around 60,000 queries a "
        + "second at peak, the results page stays within 200 ms at p99 because retrieval takes 50 ms and ranking about 120 ms; "
        + "past that a fallback returns the lexical order.";

    [Theory]
    [InlineData(ProblemParagraph, 1)]
    [InlineData(ServingParagraph, 3)]
    public void Numbers_count_for_serving_as_deep_as_their_paragraph_designs_it(string answer, int level)
    {
        var serving = Score(answer, "video-search").Dimensions[Dimensions.Serving];

        var capacity = serving.Criteria.Single(c => c.Evidence.Any(q => q.Contains("60,000 queries", StringComparison.Ordinal)));
        Assert.Equal(level, capacity.Level);
    }

    [Fact]
    public void Numbers_in_a_paragraph_that_names_serving_are_serving_design()
    {
        var answer = "I'd frame video search as retrieval then ranking, because we cannot score every video per query.\n\n"
            + "For serving, retrieval queries a sharded HNSW index of video embeddings and returns 1,000 candidates in 40 ms, and the "
            + "ranker scores them on GPUs with request batching in 80 ms, which keeps the page within 200 ms at p99 at 60,000 queries "
            + "per second. New videos with no clicks yet are added by incremental indexing within 15 minutes, and personalised results "
            + "use the watch history fetched from a feature store in 5 ms.";

        var serving = Score(answer, "video-search").Dimensions[Dimensions.Serving];

        Assert.Equal(3, serving.Level);
    }

    [Fact]
    public void A_name_alone_opening_a_paragraph_names_that_paragraph_only()
    {
        var model = "The ranker is a multi-task neural network with one head per engagement type (like, comment, share, hide), trained "
            + "with a weighted cross-entropy loss, because a single click head rewards clickbait. I'd start from gradient boosted trees "
            + "as a baseline since they're cheap to iterate.";
        var data = "We log every impression with its position, and join reactions, comments and shares within 7 days. Labels are a "
            + "weighted sum of those, and I split by time: train on 14 days, test on day 15, because a random split leaks the same "
            + "post across both sides.";

        var withLead = Score($"Data. {data}\n\n{model}");
        var without = Score($"{data}\n\n{model}");

        Assert.Equal(without.Level(Dimensions.Modelling), withLead.Level(Dimensions.Modelling));
    }

    [Theory]
    [InlineData("video-search", "The evaluation sample is stratified by language and query frequency, because 45% of queries are not English and tail queries are where search fails.")]
    [InlineData("news-feed", "For the data, the main issue is position bias in logged data, leakage and a sound train/test split: I add position as a training feature, I only use features computed before the impression, and I split by time.")]
    public void A_sentence_that_names_its_own_dimension_is_no_mention_of_one_it_only_shares_words_with(string caseId, string sentence)
    {
        var result = Score(sentence, caseId);

        Assert.Equal(0, result.Level(Dimensions.Monitoring));
    }
}
