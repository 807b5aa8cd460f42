using Evaluator.Rubrics;
using Evaluator.Scoring;
using static Evaluator.Tests.Scoring.LocalScoring;

namespace Evaluator.Tests.Scoring;

public class StuffingTests
{
    [Fact]
    public void Stuffed_keyword_list_stays_at_level_one_and_is_flagged()
    {
        var result = Score(Answer("news-feed-stuffed"));

        Assert.Contains(Flags.KeywordStuffing, result.Flags);
        Assert.All(Dimensions.All, d => Assert.True(result.Level(d) <= 1, $"{d} is {result.Level(d)}"));
    }

    [Fact]
    public void A_terse_answer_with_one_feature_list_is_not_flagged()
    {
        var answer =
            "Candidate generation: friends-of-friends (FoF), i.e. all v with |N(u) \u2229 N(v)| \u2265 1 where N(u) is u's friend set; for a user with 300 friends that is up to ~100k candidates, so I keep the top-k = 1,000 by mutual-friend count. " +
            "Also add candidates from shared school/workplace and contact-book uploads (with consent). " +
            "Ranking: predict p(request sent \u2227 accepted | u, v), because a sent request that is ignored is a bad suggestion. " +
            "Features: mutual friend count, Adamic-Adar score \u03a3_{w \u2208 N(u)\u2229N(v)} 1/log|N(w)|, same school, same city, age gap, v's acceptance rate. " +
            "Model: GBDT baseline, then a GNN (GraphSAGE) producing node embeddings, with the ranker consuming cosine(e_u, e_v).";

        var result = Score(answer, "people-you-may-know");

        Assert.DoesNotContain(Flags.KeywordStuffing, result.Flags);
    }

    [Fact]
    public void A_single_term_list_is_list_like_and_caps_its_criterion()
    {
        var answer = "Monitoring: drift, PSI, KL divergence, dashboards, alerts, retraining.";

        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.True(Assert.Single(analysis.Units).ListLike);
        Assert.True(result.Level(Dimensions.Monitoring) <= 1);
    }

    [Theory]
    [InlineData("drift psi dashboards alerts retraining ab test auc ndcg recall embeddings two tower ann hnsw kafka feature store")]
    [InlineData("Monitoring drift PSI dashboards alerts retraining cadence shadow deployment canary rollback latency budget.")]
    public void Terms_strung_together_without_a_function_word_are_a_list(string answer)
    {
        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.True(Assert.Single(analysis.Units).ListLike);
        Assert.Contains(Flags.KeywordStuffing, result.Flags);
        Assert.All(Dimensions.All, d => Assert.True(result.Level(d) <= 1, $"{d} is {result.Level(d)}"));
    }

    [Theory]
    [InlineData("Two-tower retrieval with in-batch negatives over thirty days of clicks, then a GBDT ranker on top.")]
    [InlineData("Retrieval returns top 500 candidates within 20 ms budget.")]
    [InlineData("Hourly PSI checks trigger retraining above 0.2 threshold.")]
    [InlineData("Model retrains nightly; new version ships after offline AUC check passes.")]
    [InlineData("Ranker retrained weekly during low traffic hours without downtime")]
    [InlineData("Post embeddings precomputed nightly user embeddings computed online")]
    [InlineData("Daily retraining sliding window last four weeks impressions warm start")]
    public void A_telegraphic_sentence_is_not_a_list(string answer)
    {
        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.All(analysis.Units, u => Assert.False(u.ListLike, u.Text));
    }

    [Fact]
    public void Explanatory_bullet_list_is_not_stuffing()
    {
        var answer = """
            - **Imbalance:** most impressions get no interaction, so we down-sample negatives 10:1 and correct the rate during calibration.
            - **Position bias:** top slots get more clicks regardless of quality, so position is a feature set to a constant when serving.
            - **Leakage:** features are logged at impression time, because counters computed later would include the label.
            """;

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.DoesNotContain(analysis.Units, u => u.ListLike);
        Assert.DoesNotContain(Flags.KeywordStuffing, analysis.Flags);
        Assert.True(Score(answer).Level(Dimensions.Data) >= 2);
    }

    [Fact]
    public void Run_of_one_word_bullets_is_list_like()
    {
        var answer = "Monitoring:\n- drift\n- PSI\n- dashboards\n- alerts\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.Equal(4, analysis.Units.Count(u => u.ListLike));
    }

    [Fact]
    public void Off_topic_padding_does_not_dilute_stuffing()
    {
        var padding = string.Concat(Enumerable.Repeat(
            "My grandmother grew tomatoes every summer, and we spent long afternoons picking them in the garden. ", 40));

        var result = Score(padding + "\n\n" + Answer("news-feed-stuffed"));

        Assert.Contains(Flags.KeywordStuffing, result.Flags);
        Assert.All(Dimensions.All, d => Assert.True(result.Level(d) <= 1));
    }

    [Fact]
    public void Strong_answer_with_a_short_feature_list_is_not_flagged()
    {
        var result = Score(Answer("news-feed-strong"));

        Assert.DoesNotContain(Flags.KeywordStuffing, result.Flags);
    }

    [Fact]
    public void Comma_lists_behind_a_light_verb_are_stuffing()
    {
        var answer = """
            Data: we will collect impressions, likes, shares, dwell time and hides.
            Modelling: options include logistic regression, GBDT, two-tower networks, transformers and DCN.
            Metrics: we will track AUC, NDCG, CTR, session length, retention and daily active users.
            Monitoring: we should monitor drift, latency, errors, feature freshness and dashboards.
            """;

        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.All(analysis.EvidenceUnits, u => Assert.True(u.ListLike, u.Text));
        Assert.Contains(Flags.KeywordStuffing, result.Flags);
        Assert.All(Dimensions.All, d => Assert.True(result.Level(d) <= 1, $"{d} is {result.Level(d)}"));
    }

    [Fact]
    public void A_list_with_its_reason_stays_a_sentence()
    {
        var answer = "Metrics: we will track AUC, NDCG, CTR and session length, because offline ranking quality "
                     + "has to move the online engagement the business cares about.";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.DoesNotContain(analysis.Units, u => u.ListLike);
    }

    [Theory]
    [InlineData("We use engagement. We use business objective. We use clickbait. We use light ranker. We use drift. We use dashboards.")]
    [InlineData("- **auc**: an important part of the metrics of this system.\n- **ndcg**: an important part of the metrics of this system.\n- **drift**: an important part of the monitoring of this system.\n- **retraining**: an important part of the monitoring of this system.")]
    public void Terms_dropped_into_one_repeated_frame_are_a_list(string answer)
    {
        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.All(analysis.EvidenceUnits, u => Assert.True(u.ListLike, u.Text));
    }

    [Fact]
    public void Terms_strung_on_and_and_with_are_a_list()
    {
        var answer = "For monitoring we use drift and dashboards and alerts and retraining and feedback loop with psi with "
                     + "score distribution with hide rate.";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.True(Assert.Single(analysis.Units).ListLike);
    }

    [Fact]
    public void Terms_between_spaced_slashes_are_a_list()
    {
        var answer = "Stack: candidate generation / filter by age / light ranker / heavy ranker / roll back on errors / canary release / psi";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.True(Assert.Single(analysis.Units).ListLike);
    }

    [Fact]
    public void A_keyword_list_does_not_lift_the_one_sentence_cap()
    {
        var sentence = "I would use a CNN to turn every image into a vector and then find the most similar vectors with nearest neighbour search.";
        var list = "Other things to consider: ANN, HNSW, sharding, re-ranking, GPU inference, batch indexing, caching, p99 latency.";

        var alone = Score(sentence, "visual-search");
        var padded = Score(sentence + "\n\n" + list, "visual-search");

        Assert.Equal(1, alone.Level(Dimensions.Serving));
        Assert.Equal(1, padded.Level(Dimensions.Serving));
    }

    [Fact]
    public void A_keyword_list_beside_written_evidence_adds_nothing()
    {
        var weak = Answer("news-feed-weak");
        var list = "Also relevant: drift, PSI, KL divergence, dashboards, alerts, hide rate, report rate, feedback loops, exploration, "
                   + "impression logging, survey, replay, champion challenger, warm start, anomaly detection, on-call.";

        var before = Score(weak);
        var after = Score(weak + "\n\n" + list);

        Assert.Contains(Flags.KeywordStuffing, after.Flags);
        Assert.Equal(before.Dimensions[Dimensions.Monitoring].Score, after.Dimensions[Dimensions.Monitoring].Score);
    }

    [Fact]
    public void A_terse_list_in_an_answer_not_flagged_for_stuffing_still_counts()
    {
        var answer = """
            We rank the posts of friends, groups and followed pages so that people have meaningful interactions and come back daily; about 2 billion people open the feed ten times a day, and the ranking has 100 ms.
            A multi-task network predicts the probability of a like, a comment, a share and a hide, trained with one binary cross-entropy loss per head, and the final score weights comments and shares above likes.
            Offline we compare the log loss of each head on the most recent week, held out by time, and online an A/B test on meaningful interactions per user decides the launch.
            Candidate generation pulls about 1,500 posts, a light ranker keeps 500 and the heavy model scores those within the budget, with features read from an online store.
            We watch the distribution of the scores per head and retrain the model every day on the freshest impressions, paging on-call when calibration drifts by more than 10%.

            Every impression is a training example, joined with the reactions that followed it within 24 hours, because later reactions are mostly noise.
            Features: viewer-author closeness, post age, media type, early reaction counts.
            """;

        var result = Score(answer);

        Assert.DoesNotContain(Flags.KeywordStuffing, result.Flags);
        Assert.Contains("viewer-author closeness, post age, media type, early reaction counts.",
            result.Dimensions[Dimensions.Data].Criteria.Single(c => c.Id == "features").Evidence);
    }

    [Fact]
    public void Bullets_naming_tools_unknown_to_the_rubrics_are_no_repeated_frame()
    {
        var answer = "- Pulsar for impression events\n- Dagster for daily retraining\n- Dragonfly for feature caching\n- Materialize for streaming joins";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.All(analysis.Units, u => Assert.False(u.ListLike, u.Text));
    }
}
