using Evaluator.Rubrics;
using static Evaluator.Tests.Scoring.LocalScoring;

namespace Evaluator.Tests.Scoring;

public class NegationTests
{
    private static readonly string Base = Answer("news-feed-strong");

    [Theory]
    [InlineData("We don't need monitoring.", Dimensions.Monitoring)]
    [InlineData("Serving is out of scope for this interview.", Dimensions.Serving)]
    [InlineData("No need to monitor; it's static.", Dimensions.Monitoring)]
    [InlineData("Let's skip the data part.", Dimensions.Data)]
    [InlineData("I don't think we need clarifying questions here.", Dimensions.Requirements)]
    [InlineData("Forget about monitoring.", Dimensions.Monitoring)]
    [InlineData("Monitoring? Not necessary.", Dimensions.Monitoring)]
    [InlineData("I'm not going to cover data.", Dimensions.Data)]
    [InlineData("I'd rather not go into serving.", Dimensions.Serving)]
    [InlineData("Serving is out of scope for this interview unless you want me to cover it.", Dimensions.Serving)]
    [InlineData("We can skip monitoring without much risk.", Dimensions.Monitoring)]
    [InlineData("Requirements gathering would be wasted time on this one.", Dimensions.Requirements)]
    [InlineData("Monitoring, in my opinion, is overkill.", Dimensions.Monitoring)]
    [InlineData("I'm not worried about evaluation.", Dimensions.Metrics)]
    [InlineData("We don't need to monitor anything.", Dimensions.Monitoring)]
    [InlineData("For the first version, the following is out of scope: monitoring.", Dimensions.Monitoring)]
    [InlineData("## Monitoring\nNot needed for v1.", Dimensions.Monitoring)]
    [InlineData("## Data\nI'm not going to go into data.", Dimensions.Data)]
    [InlineData("Time is short, so no need for monitoring.", Dimensions.Monitoring)]
    [InlineData("## Evaluation\nNot needed, we'd just ship it.", Dimensions.Metrics)]
    [InlineData("Monitoring isn't my job.", Dimensions.Monitoring)]
    [InlineData("## Monitoring\nN/A.", Dimensions.Monitoring)]
    [InlineData("## Monitoring\nNothing, really.", Dimensions.Monitoring)]
    [InlineData("Evaluation of any kind is unnecessary.", Dimensions.Metrics)]
    [InlineData("We think the whole monitoring piece is unnecessary.", Dimensions.Monitoring)]
    [InlineData("No need to monitor the model after launch; it is static.", Dimensions.Monitoring)]
    [InlineData("## Monitoring\nNothing to watch, honestly.", Dimensions.Monitoring)]
    [InlineData("I'd rather not talk about monitoring, since it's standard.", Dimensions.Monitoring)]
    [InlineData("There's nothing to watch after launch, in my view.", Dimensions.Monitoring)]
    [InlineData("Data I'll leave aside entirely.", Dimensions.Data)]
    [InlineData("I'll leave data aside.", Dimensions.Data)]
    [InlineData("Evaluation I'd leave out.", Dimensions.Metrics)]
    [InlineData("I won't discuss monitoring.", Dimensions.Monitoring)]
    [InlineData("Data isn't my problem.", Dimensions.Data)]
    [InlineData("## Evaluation\nNot something I'd invest in here.", Dimensions.Metrics)]
    [InlineData("## Clarifications\nNone, really.", Dimensions.Requirements)]
    [InlineData("## Monitoring\nOnce it's live we're done. There's nothing worth watching, so I wouldn't spend effort there.", Dimensions.Monitoring)]
    [InlineData("Data is a solved problem here: the warehouse has everything.", Dimensions.Data)]
    [InlineData("**Serving.** Nothing interesting to say about serving; the platform handles it.", Dimensions.Serving)]
    [InlineData("## Monitoring\nSkip it. Daily retraining makes watching the model pointless.", Dimensions.Monitoring)]
    [InlineData("Monitoring isn't needed for v1; we can add it later if something breaks.", Dimensions.Monitoring)]
    [InlineData("It would be a waste of effort to monitor the model after launch.", Dimensions.Monitoring)]
    [InlineData("The model itself is the least important part, so I'll skip it; any off-the-shelf classifier works.", Dimensions.Modelling)]
    [InlineData("**Model.** Whatever model, it really doesn't matter; I'll leave the algorithm to the team.", Dimensions.Modelling)]
    [InlineData("**Monitoring.** We can leave monitoring out for the first version; the ranker won't change once it's trained.", Dimensions.Monitoring)]
    [InlineData("We can do without monitoring for v1.", Dimensions.Monitoring)]
    [InlineData("Monitoring can wait until after launch.", Dimensions.Monitoring)]
    [InlineData("I'd punt on monitoring.", Dimensions.Monitoring)]
    [InlineData("Formal evaluation is superfluous here; the ranker is obviously better.", Dimensions.Metrics)]
    [InlineData("Metrics are obvious, so I won't waste words on them.", Dimensions.Metrics)]
    [InlineData("## Serving\nDescoped.", Dimensions.Serving)]
    [InlineData("I'll hand-wave serving: any standard stack works.", Dimensions.Serving)]
    [InlineData("## Serving\nNot in my remit as the ML engineer.", Dimensions.Serving)]
    [InlineData("Data prep is someone else's headache.", Dimensions.Data)]
    [InlineData("Monitoring is beyond what I'd design in an interview.", Dimensions.Monitoring)]
    [InlineData("## Serving\nThat's DevOps's job.", Dimensions.Serving)]
    [InlineData("## Monitoring\nNo.", Dimensions.Monitoring)]
    [InlineData("## Monitoring\nNope.", Dimensions.Monitoring)]
    [InlineData("Honestly, I wouldn't sweat monitoring for this one.", Dimensions.Monitoring)]
    [InlineData("Monitoring is moot here.", Dimensions.Monitoring)]
    [InlineData("Not fussed about monitoring here, if I'm honest.", Dimensions.Monitoring)]
    [InlineData("## Serving\nDeployment is above my pay grade.", Dimensions.Serving)]
    [InlineData("I'll gloss over data, it's not the interesting bit.", Dimensions.Data)]
    [InlineData("I'm going to pass on serving.", Dimensions.Serving)]
    [InlineData("Serving is trivial, so I won't say anything about it.", Dimensions.Serving)]
    [InlineData("Let's table monitoring for now.", Dimensions.Monitoring)]
    [InlineData("Serving I'll leave for another day.", Dimensions.Serving)]
    [InlineData("I'm not going to get hung up on data for this.", Dimensions.Data)]
    public void Dismissed_dimension_scores_zero_even_with_its_keywords(string dismissal, string dimension)
    {
        var answer = Base + "\n\n" + dismissal + "\n";

        var before = Score(Base);
        var after = Score(answer);

        Assert.True(before.Level(dimension) > 0);
        Assert.Equal(0, after.Level(dimension));
        Assert.Equal(0, after.Dimensions[dimension].Score);
        Assert.DoesNotContain(after.AllEvidence(), e => e.Contains(dismissal, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("We skip the video frames.")]
    [InlineData("Frames are not needed for the text model.")]
    public void Skipping_video_frames_does_not_dismiss_the_requirements(string sentence)
    {
        var answer = "The goal is satisfied watch time, not clicks, since clickbait inflates CTR. We serve 10,000 queries "
                     + "per second within a 200 ms budget.\n\n" + sentence + "\n";

        var analysis = Scorer.Analyse(LocalScoring.Rubrics.Get("video-search"), answer);

        Assert.DoesNotContain(Dimensions.Requirements, analysis.DismissedDimensions);
    }

    [Theory]
    [InlineData("**Serving.** We don't need real-time serving; a nightly batch job is enough. It precomputes the "
                + "top 500 posts per user and writes them to a key-value store, so the feed reads them in under 10 ms.", Dimensions.Serving)]
    [InlineData("## Model\nA deep model is overkill for v1; embeddings of posts trained on sessions plus a GBDT ranker on the top 200 "
                + "candidates do the job.", Dimensions.Modelling)]
    public void Negating_a_sub_option_while_naming_its_replacement_is_a_design_choice(string answer, string dimension)
    {
        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.DoesNotContain(dimension, analysis.DismissedDimensions);
        Assert.True(result.Level(dimension) >= 1);
    }

    [Theory]
    [InlineData("## Monitoring\nNo need to retrain daily; weekly retraining on fresh logs is enough.\n", Dimensions.Monitoring)]
    [InlineData("## Serving\nWe don't need GPU inference; CPU servers are enough for the light ranker.\n", Dimensions.Serving)]
    [InlineData("## Metrics\nWe don't need offline metrics beyond AUC; the A/B test on comments per user decides.\n", Dimensions.Metrics)]
    [InlineData("Accuracy isn't a useful metric here because over 99% of posts are benign, so we skip it and report per-class PR-AUC instead.\n", Dimensions.Metrics)]
    [InlineData("We can't skip evaluation here: every model update must beat the old one on the audit set before it ships.\n", Dimensions.Metrics)]
    [InlineData("## Serving\nWe don't need to score all 1,500 candidates with the heavy model; a light first-pass ranker cuts them to 300 within 30 ms.\n", Dimensions.Modelling)]
    [InlineData("## Monitoring\nSkip it. Daily retraining makes watching the model pointless.\n", Dimensions.Modelling)]
    [InlineData("We leave spam accounts out of the training data, since their clicks are not real interest.\n", Dimensions.Data)]
    [InlineData("Monitoring isn't needed beyond the latency dashboards the platform already has.\n", Dimensions.Monitoring)]
    [InlineData("We won't need a dedicated monitoring service, because the platform already exports metrics.\n", Dimensions.Metrics)]
    [InlineData("We don't need a separate store, since the model reads its data from the warehouse.\n", Dimensions.Data)]
    public void Narrowing_a_choice_is_not_dismissing_the_dimension(string answer, string dimension)
    {
        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.DoesNotContain(dimension, analysis.DismissedDimensions);
    }

    [Fact]
    public void Dismissal_under_a_heading_needs_no_dimension_word()
    {
        var answer = "## Monitoring\nNot needed.\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.Equal([Dimensions.Monitoring], analysis.DismissedDimensions);
    }

    [Fact]
    public void Out_of_scope_under_a_heading_is_a_dismissal_where_the_rubric_asks_about_scope()
    {
        // news-feed's requirements criteria list "scope" as a concept; the cue's own word is not a topic of the sentence.
        var answer = "## Serving\nOut of scope for this interview.\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.Equal([Dimensions.Serving], analysis.DismissedDimensions);
    }

    [Theory]
    [InlineData("No monitoring.", Dimensions.Monitoring)]
    [InlineData("No serving.", Dimensions.Serving)]
    public void No_and_a_dimension_alone_dismiss_it(string dismissal, string dimension)
    {
        var answer = "We rank posts with a GBDT on engagement features.\n\n" + dismissal + "\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.Equal([dimension], analysis.DismissedDimensions);
    }

    [Fact]
    public void No_and_a_part_alone_narrow_the_dimension()
    {
        var analysis = Scorer.Analyse(NewsFeed, "No retraining.");

        Assert.Empty(analysis.DismissedDimensions);
        Assert.Equal(Dimensions.Monitoring, Assert.Single(analysis.Units).Narrows);
    }

    [Fact]
    public void A_cue_after_a_question_naming_a_dimension_dismisses_it()
    {
        var answer = "We rank posts with a GBDT on engagement features.\n\nMonitoring? Not necessary.\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.Equal([Dimensions.Monitoring], analysis.DismissedDimensions);
    }

    [Theory]
    [InlineData("## Requirements\nWe won't cover ads ranking or notifications.")]
    [InlineData("## Requirements\nAds ranking is out of scope; we focus on organic posts.")]
    [InlineData("## Requirements\nStories are out of scope.")]
    [InlineData("## Model\nExplainability is out of scope.")]
    [InlineData("## Serving\n- Model server: TorchServe on CPU.\n- GPU: not needed.")]
    [InlineData("## Monitoring\nWe alert on PSI above 0.2.\n\nOnline learning? Not needed.")]
    [InlineData("## Requirements\n- Non-goals: we will not cover ads, search or notifications.")]
    [InlineData("## Model\nThe deep multi-task model can come later, once we have a week of logged impressions.")]
    [InlineData("Raw CTR is overrated as a metric because it rewards clickbait.")]
    [InlineData("Picking the metric is trivial; it is meaningful interactions per user.")]
    [InlineData("Requirements: 2B users, 200 ms p99. Nothing to add beyond that.")]
    [InlineData("Forget about monitoring for a second; the real risk is the feedback loop, so 1% of traffic is randomised.")]
    [InlineData("## Data\nI won't cover the model in depth because the data is where this case is won.")]
    [InlineData("Model size? Irrelevant at 400 MB.")]
    [InlineData("Evaluate offline first. Skip nothing.")]
    [InlineData("The model can forget about stale data once we retrain daily on a sliding window.")]
    [InlineData("We don't need GPUs for serving; CPUs handle the MLP at 50 ms.")]
    [InlineData("We don't need a GPU for inference.")]
    [InlineData("A deep model is overkill for candidate generation; heuristics work.")]
    [InlineData("Heavy monitoring is overkill here.")]
    [InlineData("We rank posts with a GBDT on engagement features.\nI won't spend too long on monitoring: PSI on top features, CTR dashboards, weekly retraining.")]
    [InlineData("The model has nothing to add beyond the popularity baseline for new users.")]
    [InlineData("The model won't cover rare languages at launch, so we route them to human reviewers.")]
    [InlineData("None of the models we tried beat the baseline.")]
    [InlineData("## Data\nNone of the labels are public.")]
    [InlineData("We leave out posts older than 48 hours.")]
    [InlineData("We leave the model out of the loop for the top 1% of accounts, which go to human review.")]
    [InlineData("The monitoring setup has three dashboards: CTR, latency and drift.")]
    [InlineData("We don't invest in GPUs for serving; CPUs are enough.")]
    [InlineData("We'd rather not go into production without a shadow period.")]
    [InlineData("There's nothing to watch beyond the calibration ratio and p99 latency.")]
    [InlineData("Latency isn't my problem as long as the cache holds.")]
    [InlineData("We don't need to clarify the ranking of sponsored posts; ads are out of scope.")]
    [InlineData("We don't need to monitor the cache hit rate; it's always above 99%.")]
    [InlineData("We don't need to evaluate the candidate generator separately; the end-to-end A/B test covers it.")]
    [InlineData("We don't block posts that discuss elections at upload; they go to the slower review path.")]
    [InlineData("Serving every request with the heavy model is overkill, so the light ranker filters first.")]
    [InlineData("Running the video model on every upload is wasted effort; we only run it on posts the cheap model flags.")]
    [InlineData("## Monitoring\nMonitoring every frame is not worth it.")]
    [InlineData("## Serving\nWe considered a GPU cluster, but we don't need it.")]
    [InlineData("## Data\nCollecting explicit ratings is not worth it.")]
    [InlineData("## Monitoring\nRetraining the model daily is not worth it.")]
    [InlineData("A second ranking model is unnecessary.")]
    [InlineData("## Requirements\nOut of scope: ads insertion and notifications.")]
    [InlineData("## Evaluation\n- Not worth chasing sent requests alone: a model can raise them by pushing people to send requests that are never accepted.")]
    [InlineData("I won't go into detail on serving.")]
    [InlineData("We treat skipped videos as negatives when training the model.")]
    [InlineData("We'd partner with the infra team on deployment, but the ML team owns the rollout plan.")]
    [InlineData("The ranker can do without the heavy text features for new users; content embeddings cover them.")]
    [InlineData("Users waste time on clickbait, so the model demotes posts with a high hide rate.")]
    [InlineData("We punt on real-time features for v1; hourly batch features are enough for the ranker.")]
    [InlineData("Cold start is a problem for later; popularity priors cover new users for now.")]
    [InlineData("The retrieval stage will pass on the top 500 candidates and their data to the ranker.")]
    [InlineData("We table the per-country thresholds in a config file that serving reads at start.")]
    [InlineData("We don't plan to ship a new model without an A/B test.")]
    [InlineData("Apart from CTR and drift there's nothing to monitor.")]
    [InlineData("I won't go into every metric, but the primary ones are CTR and dwell time.")]
    [InlineData("I won't go into monitoring too much, but we alert on CTR drops and feature drift.")]
    [InlineData("We won't go into production until the A/B test passes.")]
    [InlineData("Hidden posts won't go into the training data.")]
    [InlineData("I won't go into monitoring yet; first let me finish the model.")]
    [InlineData("Irrelevant results in the top 10 hurt the metrics most.")]
    [InlineData("## Requirements\nFor the first version, the following is out of scope: ads insertion and notifications.")]
    [InlineData("I'm not worried about the model overfitting, since we have 2B examples.")]
    [InlineData("## Monitoring\nNothing fancy: PSI on the top features and a CTR dashboard.")]
    [InlineData("A dedicated cold-start model is not needed; the main ranker handles new users.")]
    [InlineData("Evaluating on a random split is wasted effort because it leaks future engagement.")]
    [InlineData("## Requirements\nTime spent is a poor goal because much of it is wasted time scrolling past irrelevant posts.")]
    [InlineData("## Monitoring\nNothing to monitor on the client side; the server logs everything.")]
    [InlineData("Once it is deployed there is nothing to watch except the daily retrain job and the PSI alerts.")]
    [InlineData("I won't dwell on the model architecture; a two-tower plus a multi-task ranker is standard.")]
    [InlineData("Serving isn't something I'd invest much time in beyond the two-stage funnel.")]
    [InlineData("We don't need a separate serving setup: the existing ANN service can host the new index.")]
    [InlineData("## Requirements\nI'd rather not go into ads ranking; the question is about organic posts.")]
    [InlineData("I wouldn't leave monitoring out.")]
    [InlineData("We can't leave evaluation out, so every change goes through an A/B test.")]
    [InlineData("I'd leave metrics like time spent out, because they reward clickbait.")]
    public void Words_of_a_dismissal_about_the_system_dismiss_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Fact]
    public void A_hyphenated_model_name_is_not_a_dismissal()
    {
        var answer = "I'd train a skip-gram model over click sessions to learn post embeddings.";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.Empty(analysis.DismissedDimensions);
    }

    [Fact]
    public void A_compound_like_feature_store_is_not_the_data_dimension()
    {
        var answer = "We don't need a feature store for this; user features are computed in the request path.";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.DoesNotContain(Dimensions.Data, analysis.DismissedDimensions);
    }

    [Fact]
    public void Hand_written_negation_answer_zeroes_exactly_the_dismissed_dimensions()
    {
        var result = Score(Answer("news-feed-negation"));

        Assert.Equal(0, result.Level(Dimensions.Metrics));
        Assert.Equal(0, result.Level(Dimensions.Monitoring));
        Assert.All(new[] { Dimensions.Requirements, Dimensions.Data, Dimensions.Modelling, Dimensions.Serving },
            d => Assert.True(result.Level(d) >= 1, $"{d} should not be dismissed"));
    }

    [Theory]
    [InlineData("**Serving.** I'd rather skip the serving specifics, it is only an endpoint returning scores.", Dimensions.Serving)]
    [InlineData("Deployment is plain infrastructure and not really an ML concern.", Dimensions.Serving)]
    [InlineData("## Data\nThe training data is a given, the logs already exist.\n", Dimensions.Data)]
    [InlineData("## Monitoring\nWe have dashboards for everything already, so I won't spend time on it.\n", Dimensions.Monitoring)]
    [InlineData("Monitoring is well covered by the platform. I won't spend much time on it.", Dimensions.Monitoring)]
    [InlineData("Any off-the-shelf model would work here.", Dimensions.Modelling)]
    [InlineData("I'll leave monitoring aside.", Dimensions.Monitoring)]
    [InlineData("Serving is another team's job.", Dimensions.Serving)]
    [InlineData("## Monitoring\nAfter release there is nothing to do here. I would not bother with alarms or dashboards.\n", Dimensions.Monitoring)]
    [InlineData("**Data.** Honestly I wouldn't bother with sampling or cleaning for this one.", Dimensions.Data)]
    [InlineData("Monitoring is covered by the platform team's dashboards, so we don't need it.", Dimensions.Monitoring)]
    [InlineData("I'd skip evaluation entirely.", Dimensions.Metrics)]
    [InlineData("Monitoring doesn't need much attention here.", Dimensions.Monitoring)]
    [InlineData("Serving is handled by the platform, so we don't need to spend time on it.", Dimensions.Serving)]
    [InlineData("Data prep is not my concern.", Dimensions.Data)]
    [InlineData("Requirements are self-explanatory, so I won't waste time on them.", Dimensions.Requirements)]
    public void Shrugging_off_a_dimension_is_a_dismissal(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("## Serving\nThere is no need for a GPU, CPU inference is fine for the light ranker.\n", Dimensions.Serving)]
    [InlineData("## Modelling\nAny standard model will do as a baseline; then a GBDT on the same features.\n", Dimensions.Modelling)]
    [InlineData("Each post is given a score by the ranker and the top 50 are cached.", Dimensions.Data)]
    [InlineData("## Monitoring\nNo need to retrain it daily; weekly retraining is enough.\n", Dimensions.Monitoring)]
    [InlineData("## Requirements\nNew posts have no history when we need to rank them, so cold start matters.\n", Dimensions.Requirements)]
    [InlineData("## Data\nThe label has nothing to do with clicks alone: a like, comment or share within 24 hours is a positive.\n", Dimensions.Data)]
    [InlineData("We can use a pretrained model so we don't need to train much.", Dimensions.Modelling)]
    [InlineData("The ranking model is small, so we don't need GPUs for it.", Dimensions.Modelling)]
    [InlineData("Since the features are precomputed, we don't need a feature store at request time.", Dimensions.Data)]
    [InlineData("Because the model is retrained hourly, we don't need to worry much about slow drift.", Dimensions.Modelling)]
    [InlineData("## Serving\nWe don't need exact nearest neighbours, so an approximate index is fine.\n", Dimensions.Serving)]
    [InlineData("With a two-stage design, serving doesn't need a GPU.", Dimensions.Serving)]
    public void Choosing_between_options_is_not_a_dismissal(string answer, string dimension)
    {
        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.DoesNotContain(dimension, analysis.DismissedDimensions);
    }
    [Theory]
    [InlineData("Labels are not needed here.", Dimensions.Data)]
    [InlineData("Retraining isn't needed for the first launch.", Dimensions.Monitoring)]
    [InlineData("An A/B test is not needed.", Dimensions.Metrics)]
    [InlineData("Batch inference is out of scope.", Dimensions.Serving)]
    public void Waving_away_one_part_of_a_dimension_is_not_a_dismissal(string part, string dimension)
    {
        var answer = Base + "\n\n" + part + "\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.DoesNotContain(dimension, analysis.DismissedDimensions);
        Assert.True(result.Level(dimension) > 0);
    }

    [Theory]
    [InlineData("I'd skip offline metrics.", Dimensions.Metrics)]
    [InlineData("Labels are not needed here.", Dimensions.Data)]
    [InlineData("We won't need to retrain.", Dimensions.Monitoring)]
    public void A_part_waved_away_is_no_evidence_for_its_dimension(string part, string dimension)
    {
        var analysis = Scorer.Analyse(NewsFeed, part);
        var result = Score(part);

        Assert.DoesNotContain(dimension, analysis.DismissedDimensions);
        Assert.Equal(dimension, Assert.Single(analysis.Units).Narrows);
        Assert.Equal(0, result.Level(dimension));
    }

    [Fact]
    public void Waving_away_the_same_part_twice_is_still_one_part()
    {
        var answer = Base + "\n\nLabels are not needed here.\n\nAs I said, labels are not needed here.\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.DoesNotContain(Dimensions.Data, analysis.DismissedDimensions);
        Assert.True(Score(answer).Level(Dimensions.Data) > 0);
    }

    [Fact]
    public void Waving_away_two_parts_of_a_dimension_dismisses_it()
    {
        var answer = Base + "\n\nI'd skip offline metrics.\n\nAn A/B test isn't needed either.\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.Contains(Dimensions.Metrics, analysis.DismissedDimensions);
        Assert.Equal(0, result.Level(Dimensions.Metrics));
    }

    [Theory]
    [InlineData("## Retraining\nNot needed.\n", Dimensions.Monitoring)]
    [InlineData("## Labels\nNot needed here.\n", Dimensions.Data)]
    [InlineData("We would retrain the ranker weekly. I won't spend time on it.\n", Dimensions.Monitoring)]
    [InlineData("Retraining? Not needed.\n", Dimensions.Monitoring)]
    public void Waving_away_a_part_named_by_a_heading_or_the_sentence_before_is_not_a_dismissal(string part, string dimension)
    {
        var answer = Base + "\n\n" + part;

        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.DoesNotContain(dimension, analysis.DismissedDimensions);
        Assert.Equal(Score(Base).Level(dimension), result.Level(dimension));
    }

    [Fact]
    public void Two_headings_naming_two_parts_waved_away_dismiss_the_dimension()
    {
        var answer = Base + "\n\n## Offline metrics\nNot needed.\n\n## A/B test\nNot needed.\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.Contains(Dimensions.Metrics, analysis.DismissedDimensions);
        Assert.Equal(0, result.Level(Dimensions.Metrics));
    }

    [Theory]
    [InlineData("I'd skip monitoring: drift detection and alerting are overkill for a first version.", Dimensions.Monitoring)]
    [InlineData("Let's skip evaluation: offline numbers won't tell us much here.", Dimensions.Metrics)]
    [InlineData("Skip monitoring: it's a v1.", Dimensions.Monitoring)]
    [InlineData("Out of scope: monitoring.", Dimensions.Monitoring)]
    public void A_short_lead_that_dismisses_a_dimension_before_its_colon_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("Nice-to-have, won't do: drift detection, alerting, dashboards, retraining schedules.", Dimensions.Monitoring)]
    [InlineData("Won't do: drift detection, alerting, dashboards.", Dimensions.Monitoring)]
    [InlineData("Out of scope: drift detection, alerting and retraining.", Dimensions.Monitoring)]
    public void A_lead_that_waves_away_parts_of_two_of_a_dimensions_criteria_after_its_colon_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("Skip rate: the share of videos skipped within 3 s.")]
    [InlineData("Not needed: GPUs, since CPU inference is fine.")]
    [InlineData("Out of scope: ads ranking.")]
    [InlineData("Out of scope: ads ranking, notifications, stories and search.")]
    [InlineData("Nice-to-have: a diversity re-ranker, which we add in v2.")]
    [InlineData("Won't do: retraining schedules beyond weekly.")]
    [InlineData("Won't do: a GPU cluster, since CPUs are enough.")]
    [InlineData("The model won't do well on new users, so we add a popularity prior.")]
    [InlineData("A GBDT won't do here: we need the two-tower model for retrieval.")]
    [InlineData("## Serving\n- Skip logic: posts under 10 views are not scored by the heavy ranker.")]
    public void A_lead_with_a_cue_that_names_no_dimension_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Honestly, I don't see the need for a separate monitoring setup here.", Dimensions.Monitoring)]
    [InlineData("I don't see a need for monitoring once the model ships.", Dimensions.Monitoring)]
    [InlineData("I don't see the need for an evaluation setup here.", Dimensions.Metrics)]
    [InlineData("We don't need a monitoring setup; the model is static.", Dimensions.Monitoring)]
    [InlineData("No monitoring required; the model is retrained daily anyway.", Dimensions.Monitoring)]
    [InlineData("No data work is needed; the logs are already clean.", Dimensions.Data)]
    public void Seeing_no_need_for_a_dimension_or_its_setup_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("I don't see the need for a separate feature store; the batch features are in the same Redis.")]
    [InlineData("We don't need a separate monitoring setup; the platform's existing dashboards cover CTR and latency.")]
    [InlineData("We don't need a dedicated serving setup: the same GPU fleet hosts the new ranker.")]
    [InlineData("I don't see a need for GPUs in serving.")]
    [InlineData("I don't see the need for real-time serving; a nightly batch job is enough.")]
    public void Seeing_no_need_for_a_separate_piece_that_exists_already_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Serving is just an engineering detail, so I won't go into latency or caching.", Dimensions.Serving)]
    [InlineData("Deployment is an implementation detail.", Dimensions.Serving)]
    [InlineData("Monitoring is just plumbing.", Dimensions.Monitoring)]
    [InlineData("Serving is a luxury for a first version.", Dimensions.Serving)]
    [InlineData("Serving is the infra team's problem.", Dimensions.Serving)]
    [InlineData("Serving isn't really my area, so someone else can handle it.", Dimensions.Serving)]
    [InlineData("Monitoring is not really my area.", Dimensions.Monitoring)]
    public void Calling_a_dimension_a_mere_detail_a_luxury_or_someone_elses_job_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("Serving isn't just an engineering detail: the 200 ms budget shapes the ranker.")]
    [InlineData("The cache layout is an implementation detail; the two-stage funnel is what keeps p99 under 200 ms.")]
    [InlineData("The serving stack is an implementation detail of the platform, and our part is the funnel.")]
    [InlineData("Monitoring is not overkill here.")]
    [InlineData("Monitoring is not a luxury here.")]
    [InlineData("Don't forget about monitoring: CTR drift is the first alert.")]
    [InlineData("A second GPU fleet is a luxury we can't afford, so the light ranker runs on CPUs.")]
    [InlineData("The feature store is the infra team's job; we own the two-stage ranker.")]
    [InlineData("Labelling is the trust team's job: they send 5k posts a week for review.")]
    [InlineData("Keeping p99 under 200 ms is the whole team's job, so the light ranker filters first.")]
    [InlineData("Latency isn't really my area as long as the cache holds.")]
    [InlineData("Caching isn't really my area, but the two-stage ranker keeps p99 under 200 ms.")]
    [InlineData("We could add a feature store and a result cache, but we don't need them.")]
    public void A_negated_cue_or_a_detail_of_something_else_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Let's park evaluation for now; offline metrics like AUC can come later.", Dimensions.Metrics)]
    [InlineData("I'll park monitoring.", Dimensions.Monitoring)]
    [InlineData("Serving I'd park for now.", Dimensions.Serving)]
    [InlineData("Let's skip evaluation for now.", Dimensions.Metrics)]
    public void Parking_a_dimension_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("We'll park low-confidence posts in a review queue.")]
    [InlineData("## Serving\nWe'll park low-confidence posts in a review queue.")]
    [InlineData("We park the model in shadow mode for two weeks before it ranks anything.")]
    [InlineData("Parked posts wait in the moderation queue until someone decides.")]
    [InlineData("Let's park monitoring for a moment and come back to it after the model.")]
    public void Parking_posts_or_a_model_somewhere_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Building drift detection, dashboards and alerting would duplicate what the platform team does, so I'd leave it out.", Dimensions.Monitoring)]
    [InlineData("Retraining, drift detection and dashboards sound good, but I'd leave it out.", Dimensions.Monitoring)]
    [InlineData("I suppose one could design candidate generation, a two-stage ranker and a feature store, but realistically that's the infra team's job, so I'll leave it out.", Dimensions.Serving)]
    public void Leaving_out_what_a_list_of_the_dimensions_parts_builds_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("Do we really need monitoring? No.", Dimensions.Monitoring)]
    [InlineData("Is serving worth discussing? Not really.", Dimensions.Serving)]
    [InlineData("Does evaluation matter much here? No.", Dimensions.Metrics)]
    [InlineData("Do we really need clarifying questions here? Not really, it's a feed.", Dimensions.Requirements)]
    [InlineData("Is monitoring worth the effort? Not really, it's a static model.", Dimensions.Monitoring)]
    [InlineData("Do we even need an A/B test here, or offline metrics at all? No. Engagement tells us soon enough whether it works.", Dimensions.Metrics)]
    [InlineData("Do we need offline metrics or an A/B test? No.", Dimensions.Metrics)]
    public void A_question_about_a_dimension_answered_no_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Fact]
    public void A_part_asked_about_and_answered_no_and_a_part_called_a_waste_of_time_dismiss_the_dimension()
    {
        var harmfulContent = LocalScoring.Rubrics.Get("harmful-content");
        var answer = "Do we even need an A/B test here? No. Precision and recall offline are a waste of time for this.";

        var analysis = Scorer.Analyse(harmfulContent, answer);

        Assert.Contains(Dimensions.Metrics, analysis.DismissedDimensions);
    }

    [Theory]
    [InlineData("Is accuracy enough? No, so we use AUC per class.")]
    [InlineData("Do we need GPUs for serving? No, CPUs handle the light ranker.")]
    [InlineData("Do we need monitoring? Yes: CTR drift and weekly retraining.")]
    [InlineData("Do we need real-time serving? No, a nightly batch job is enough.")]
    [InlineData("Do we need new labels? No.")]
    [InlineData("Do we need new labels or features? No.")]
    [InlineData("Do we need labels? No, clicks are the labels.")]
    [InlineData("Do we need real-time serving? Not really, a nightly batch job is enough.")]
    [InlineData("Do we need to retrain daily? Not really, weekly is fine since tastes drift slowly.")]
    [InlineData("Do we need monitoring? Not really, just weekly retraining.")]
    [InlineData("Do we need monitoring? No, not beyond the platform's dashboards.")]
    [InlineData("Do we need monitoring? No, just dashboards.")]
    [InlineData("Do we need offline metrics or an A/B test? No, the existing dashboard is enough.")]
    [InlineData("A canary release and a kill switch would be safer, but we don't need them for a shadow launch.")]
    [InlineData("Shadow mode and a p99 latency budget sound good, but we don't need them at 50 requests per second.")]
    [InlineData("Precision and AUC per slice are what we report; accuracy isn't worth it.")]
    public void A_question_answered_no_or_a_list_that_narrows_a_choice_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("## Evaluation\nTBD.", Dimensions.Metrics)]
    [InlineData("## Evaluation\nTODO", Dimensions.Metrics)]
    [InlineData("**Metrics**\ntbd.", Dimensions.Metrics)]
    [InlineData("## Monitoring\nTo be decided.", Dimensions.Monitoring)]
    public void A_dimension_heading_with_only_a_placeholder_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("## Monitoring\nTBD: the exact retraining cadence, weekly or daily.")]
    [InlineData("## Metrics\nThe primary metric is meaningful interactions per user; the exact weights are to be decided with the product team.")]
    [InlineData("## Serving\n- Cache TTL: TBD.")]
    [InlineData("## Monitoring\nTODO: pick the PSI threshold for the alert.")]
    public void A_placeholder_for_one_detail_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Monitoring? Sure, if we had infinite time.", Dimensions.Monitoring)]
    [InlineData("## Monitoring\nSure, with unlimited time.", Dimensions.Monitoring)]
    public void Granting_a_dimension_only_with_infinite_time_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("Sure, if we had infinite time we could label every post by hand, but 5k a week is what the review budget allows.")]
    [InlineData("Sure, if the cache misses we fall back to the heavy model.")]
    [InlineData("Hand labels? Sure, if we had unlimited time; instead clicks are the labels.")]
    public void Infinite_time_with_a_plan_or_a_plain_sure_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("We can safely ignore monitoring.", Dimensions.Monitoring)]
    [InlineData("Monitoring can be safely ignored here.", Dimensions.Monitoring)]
    public void Ignoring_a_dimension_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("## Data\nWe ignore bot traffic when building labels.")]
    [InlineData("The ranker should ignore posts older than a week.")]
    [InlineData("Ignoring position bias inflates offline metrics, so we correct for it with randomised slots.")]
    [InlineData("Ignored impressions count as weak negatives in the training data.")]
    [InlineData("## Monitoring\nAlerts ignore the first hour after a deploy, when the caches are cold.")]
    [InlineData("We can't ignore monitoring here: the feed drifts daily.")]
    [InlineData("## Serving\nThe ranker ignores candidates the filter removed.")]
    [InlineData("## Data\nThe crawler ignores pages behind a login.")]
    public void Ignoring_something_of_a_dimension_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("## Monitoring\nIn theory we would track drift and set alerts; in practice I'd skip it for this design.", Dimensions.Monitoring)]
    [InlineData("## Monitoring\nIn theory we would track drift and set alerts. In practice I'd skip it.", Dimensions.Monitoring)]
    [InlineData("Monitoring is nice in theory, but in practice nobody looks at dashboards, so I wouldn't bother.", Dimensions.Monitoring)]
    public void Granting_a_dimension_only_in_theory_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("## Monitoring\nIn theory we'd watch drift. In practice I'd skip it.", "we'd watch drift")]
    [InlineData("## Notes\nDrift detection matters, said no one ever.", "Drift detection matters")]
    public void One_part_granted_only_to_be_taken_back_is_no_evidence(string section, string granted)
    {
        var answer = Base + "\n\n" + section + "\n";

        var result = Score(answer);

        Assert.DoesNotContain(result.AllEvidence(), e => e.Contains(granted, StringComparison.Ordinal));
        Assert.Equal(Score(Base).Level(Dimensions.Monitoring), result.Level(Dimensions.Monitoring));
    }

    [Theory]
    [InlineData("In theory a larger model would help, but in practice the latency budget rules it out, so we skip it.")]
    [InlineData("## Monitoring\nIn theory we could alert on every feature; in practice we alert on the top 20 by importance and skip the rest.")]
    [InlineData("Ideally we'd label every post by hand, but in practice clicks are the labels, so we skip it.")]
    [InlineData("In theory weekly retraining is enough. In practice the feed drifts daily, so we retrain every night.")]
    [InlineData("## Serving\nOn paper a GPU fleet is faster; in practice CPU inference with a distilled model meets the 50 ms budget, so we skip GPUs.")]
    public void Trading_one_option_for_another_in_practice_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("## Monitoring\nLet's be real: we'll never look at drift metrics, so no monitoring.", Dimensions.Monitoring)]
    [InlineData("Who needs monitoring anyway?", Dimensions.Monitoring)]
    [InlineData("Who needs monitoring for a ranker that is retrained every night?", Dimensions.Monitoring)]
    [InlineData("Honestly, who cares about monitoring?", Dimensions.Monitoring)]
    public void Concluding_or_asking_away_a_dimension_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("We retrain nightly from fresh clicks, so no retraining trigger is needed beyond the schedule.")]
    [InlineData("The index is rebuilt hourly, so no model changes reach serving without a rebuild.")]
    [InlineData("## Serving\nWho needs the predictions? The ranking service and the notifications team.")]
    [InlineData("Who needs serving to be real-time? Only the notifications path; the rest is a nightly batch job.")]
    [InlineData("## Monitoring\nWho cares about a 0.1% drop in CTR? Nobody, so the alert fires at 2%.")]
    [InlineData("We don't need the model to be perfect; a recall of 0.9 at the review threshold is the bar.")]
    public void Asking_who_needs_a_part_or_a_property_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Monitoring is essential, said no one ever.", Dimensions.Monitoring)]
    [InlineData("Drift detection and alerting are a must, said no shipping team ever.", Dimensions.Monitoring)]
    [InlineData("Proper monitoring is essential, said no one ever.", Dimensions.Monitoring)]
    [InlineData("Monitoring? As if anyone needs it.", Dimensions.Monitoring)]
    [InlineData("As if anybody needs monitoring for a ranker that is retrained every night.", Dimensions.Monitoring)]
    public void Mocking_a_dimension_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("A ranker that never needs monitoring, said nobody ever.")]
    [InlineData("Monitoring is never needed, said no one ever.")]
    [InlineData("Monitoring is optional, said no one ever.")]
    [InlineData("Monitoring is a nice-to-have, said no one ever.")]
    [InlineData("As if anyone needs serving to be real-time; a nightly batch job is fine for the digest.")]
    public void Mocking_a_claim_that_negates_or_a_property_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Evaluation feels unnecessary here.", Dimensions.Metrics)]
    [InlineData("To be honest, a formal evaluation feels unnecessary here.", Dimensions.Metrics)]
    [InlineData("Monitoring seems like overkill for v1.", Dimensions.Monitoring)]
    [InlineData("Honestly, proper monitoring looks pointless for a ranker we retrain nightly.", Dimensions.Monitoring)]
    public void Saying_a_dimension_seems_unneeded_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("Monitoring every frame seems like overkill.")]
    [InlineData("A deep model seems like overkill for the first version.")]
    [InlineData("Real-time serving feels unnecessary when a nightly batch job is enough.")]
    [InlineData("Elaborate monitoring seems unnecessary for v1, so I would only alert on p99 latency and the hide rate.")]
    [InlineData("Dedicated monitoring is overkill for v1; the on-call dashboard covers it.")]
    public void Saying_one_kind_or_activity_seems_unneeded_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Monitoring. I don't see much to watch.", Dimensions.Monitoring)]
    [InlineData("Serving. Honestly I'd leave this to the platform team.", Dimensions.Serving)]
    public void Waving_away_a_part_opened_by_its_name_alone_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("No. I don't see much to watch.")]
    [InlineData("We monitor. There is not much to watch beyond the error rate.")]
    [InlineData("We monitor. Not much to watch.")]
    public void A_short_sentence_that_says_something_is_no_lead(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("## Serving\n\nLeave it to the platform team.", Dimensions.Serving)]
    [InlineData("## Monitoring\n\nLeave that to ops.", Dimensions.Monitoring)]
    [InlineData("## Serving\n\nThat's DevOps's job, not mine.", Dimensions.Serving)]
    public void Handing_a_part_to_a_team_under_its_heading_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("I can't see why we'd monitor this; search behaviour barely changes.", Dimensions.Monitoring)]
    [InlineData("I see no reason to monitor this.", Dimensions.Monitoring)]
    [InlineData("There's no reason to monitor it.", Dimensions.Monitoring)]
    public void Seeing_no_reason_for_a_dimension_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("The model would see no reason to rank old posts first.")]
    [InlineData("I don't see why the ranker would need more than 200 features.")]
    [InlineData("I don't see why the model would need more than 200 features.")]
    [InlineData("I don't see why serving would be a bottleneck at 250k QPS with the two-stage design.")]
    [InlineData("I can't see why the metrics would disagree offline and online.")]
    public void A_name_before_seeing_no_reason_or_said_something_of_is_not_waved_away(string sentence)
    {
        AssertKeptAfterBase(sentence);
    }

    [Theory]
    [InlineData("I'd leave it to the ranker to decide the final order.")]
    [InlineData("Leave it to the ranker to decide the final order.")]
    [InlineData("I'd leave it to the model to learn team preferences from follows.")]
    [InlineData("Leave it to the platform to autoscale the GPU pool.")]
    [InlineData("## Monitoring\n\nI wouldn't leave it to the SRE team.")]
    [InlineData("## Monitoring\n\nDon't leave it to ops: the ML team owns drift alerts.")]
    public void Leaving_a_decision_to_a_part_of_the_design_or_refusing_a_hand_over_dismisses_nothing(string sentence)
    {
        AssertKeptAfterBase(sentence);
    }

    [Theory]
    [InlineData("There's no need for a two-tower model.")]
    [InlineData("We don't need a deep model for v1.")]
    [InlineData("We don't need a transformer model here.")]
    public void Needing_no_kind_of_model_dismisses_nothing(string sentence)
    {
        AssertKeptAfterBase(sentence);
    }

    [Theory]
    [InlineData("We don't need data from other regions for the first launch.")]
    [InlineData("We don't need monitoring beyond the standard dashboards.")]
    [InlineData("We don't need monitoring of the embedding service itself; the platform exports its latency.")]
    public void Needing_none_of_some_of_a_dimension_dismisses_nothing(string sentence)
    {
        AssertKeptAfterBase(sentence);
    }

    [Theory]
    [InlineData("We don't need evaluation of any kind.", Dimensions.Metrics)]
    [InlineData("We won't need monitoring of the system.", Dimensions.Monitoring)]
    public void Needing_none_of_a_dimension_of_any_kind_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Fact]
    public void Needing_no_model_at_all_dismisses_modelling()
    {
        AssertDismissedAfterBase("We don't need a model.", Dimensions.Modelling);
    }

    [Theory]
    [InlineData("Some teams call monitoring overkill, not us.")]
    [InlineData("Many shops say monitoring is unnecessary, not us.")]
    public void Rejecting_what_others_wave_away_dismisses_nothing(string sentence)
    {
        AssertKeptAfterBase(sentence);
    }

    [Theory]
    [InlineData("I'd size serving as if we need ten times today's peak.")]
    [InlineData("For position bias, I'd leave this to the model by adding position as a feature.")]
    public void Sizing_as_if_or_leaving_a_job_to_the_model_dismisses_nothing(string sentence)
    {
        AssertDismissesNothing(sentence);
    }

    [Theory]
    [InlineData("Getting the data is someone else's problem.", Dimensions.Data)]
    [InlineData("Building the model is out of scope for today.", Dimensions.Modelling)]
    public void Doing_a_dimension_waved_away_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("We can drop monitoring entirely.", Dimensions.Monitoring)]
    [InlineData("## Monitoring\n\nLet's drop this part.", Dimensions.Monitoring)]
    public void Dropping_a_dimension_dismisses_it(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("Then we drop the duplicates and re-index.")]
    [InlineData("A drop in the model's recall triggers an alert to the on-call engineer.")]
    [InlineData("I'd drop the heavy ranker if latency goes over budget and fall back to the light model.")]
    [InlineData("Getting the data labelled takes about two weeks with the vendor.")]
    [InlineData("Watching the model is pointless without labels, so the alerts use proxy metrics.")]
    public void Dropping_something_else_or_doing_more_than_a_dimension_dismisses_nothing(string sentence)
    {
        AssertKeptAfterBase(sentence);
    }

    [Theory]
    [InlineData("And **monitoring isn't needed** for a carousel.", Dimensions.Monitoring)]
    [InlineData("Serving isn't required for an offline report.", Dimensions.Serving)]
    public void A_dimension_not_needed_for_something_is_dismissed(string dismissal, string dimension)
    {
        AssertDismissedAfterBase(dismissal, dimension);
    }

    [Theory]
    [InlineData("Serving doesn't need a GPU for this model.")]
    [InlineData("The model wasn't required to be interpretable.")]
    [InlineData("Monitoring isn't needed as a separate service; the platform exports the metrics we alert on.")]
    public void A_dimension_that_needs_no_object_or_is_not_needed_as_one_kind_is_kept(string sentence)
    {
        AssertKeptAfterBase(sentence);
    }

    [Theory]
    [InlineData("More GPUs aren't needed for serving because the two-tower lookups are cheap.")]
    [InlineData("Nothing more is needed for monitoring.")]
    [InlineData("No further data is needed.")]
    [InlineData("We don't need any more monitoring than the standard dashboards.")]
    public void Something_else_not_needed_for_a_dimension_or_nothing_more_needed_dismisses_nothing(string sentence)
    {
        AssertKeptAfterBase(sentence);
    }

    /// <summary>A strong answer plus the dismissal: the dimension is dismissed and scores 0.</summary>
    private static void AssertDismissedAfterBase(string dismissal, string dimension)
    {
        var answer = Base + "\n\n" + dismissal + "\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);
        var result = Score(answer);

        Assert.Contains(dimension, analysis.DismissedDimensions);
        Assert.Equal(0, result.Level(dimension));
    }

    /// <summary>A strong answer plus the text: nothing is dismissed and no score moves.</summary>
    private static void AssertKeptAfterBase(string text)
    {
        var answer = Base + "\n\n" + text + "\n";

        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.Empty(analysis.DismissedDimensions);
        Assert.Equal(Score(Base).Scores(), Score(answer).Scores());
    }

    private static void AssertDismissesNothing(string sentence)
    {
        var analysis = Scorer.Analyse(NewsFeed, sentence);

        Assert.Empty(analysis.DismissedDimensions);
    }
}
