using Evaluator.Rubrics;
using Evaluator.Scoring;
using static Evaluator.Tests.Scoring.LocalScoring;

namespace Evaluator.Tests.Scoring;

/// <summary>Text that reads as words but says nothing: shuffled or reversed answers, rubric words strung into sentences, the rubric pasted back.</summary>
public class GibberishTests
{
    private static readonly string Weak = Answer("news-feed-weak");
    private static readonly string Strong = Answer("news-feed-strong");

    [Fact]
    public void Shuffled_strong_answer_scores_nothing()
    {
        var words = Strong.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        new Random(7).Shuffle(words);
        var shuffled = string.Join(' ', words);

        var result = Score(shuffled);

        Assert.Equal(0, result.Overall);
        Assert.Empty(result.AllEvidence());
    }

    [Fact]
    public void Sentences_with_their_words_reversed_score_nothing()
    {
        var prose = """
            We rank the posts of friends, groups and followed pages so that people have meaningful interactions and come back daily.
            Every impression is a training example, joined with the reactions that followed it within a day.
            A multi-task network predicts the probability of a like, a comment, a share and a hide for each post.
            Offline we compare the log loss of each head on the most recent week, held out by time.
            The heavy ranker scores the top five hundred candidates in about a hundred milliseconds at the peak of the day.
            We watch the distribution of the scores and retrain the model every day on the freshest impressions.
            """;
        var reversed = string.Join('\n', prose.Split('\n').Select(line => string.Join(' ', line.TrimEnd('.').Split(' ').Reverse()) + "."));

        var original = Score(prose);
        var result = Score(reversed);

        Assert.True(original.Overall > 0);
        Assert.All(Dimensions.All, d => Assert.Equal(0, result.Level(d)));
    }

    [Fact]
    public void A_shuffled_paragraph_appended_to_a_weak_answer_raises_nothing()
    {
        var words = Strong.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(250).ToArray();
        new Random(11).Shuffle(words);

        var padded = Score(Weak + "\n\n" + string.Join(' ', words));

        Assert.Equal(Score(Weak).Scores(), padded.Scores());
    }

    [Fact]
    public void Letters_shuffled_inside_words_raise_nothing()
    {
        var scrambled = ShuffleLettersInsideWords(Strong, new Random(3));

        var padded = Score(Weak + "\n\n" + scrambled);

        Assert.Equal(Score(Weak).Scores(), padded.Scores());
        Assert.All(padded.AllEvidence(), e => Assert.DoesNotContain(e, scrambled, StringComparison.Ordinal));
    }

    [Fact]
    public void Strong_answer_with_its_letters_shuffled_inside_words_scores_nothing()
    {
        var scrambled = ShuffleLettersInsideWords(Strong, new Random(5));

        var result = Score(scrambled);

        Assert.Equal(0, result.Overall);
    }

    [Fact]
    public void Placeholder_latin_with_metric_names_in_it_raises_nothing()
    {
        var filler = "### Evaluation\nLorem AUC ipsum 0.82 dolor nDCG@10 sit amet 14 days, consectetur A/B adipiscing 5% elit guardrail.";

        var padded = Score(Weak + "\n\n" + filler);

        Assert.Equal(Score(Weak).Scores(), padded.Scores());
    }

    [Theory]
    [InlineData("strong")]
    [InlineData("weak")]
    [InlineData("partial")]
    [InlineData("paraphrase")]
    [InlineData("negation")]
    public void Labelled_answers_have_no_unit_of_non_words(string profile)
    {
        var answers = LabelledAnswers().Where(a => a.Profile == profile).ToList();

        var garbled = answers.SelectMany(a => Scorer.Analyse(LocalScoring.Rubrics.Get(a.Case), a.Answer).Units.Where(u => u.Garbled).Select(u => a.Id + ": " + u.Text));

        Assert.NotEmpty(answers);
        Assert.Empty(garbled);
    }

    /// <summary>"Recompute embeddings daily" becomes "Rmtopucee engiebddms dalyi": first and last letters kept, the rest shuffled.</summary>
    private static string ShuffleLettersInsideWords(string text, Random random) =>
        System.Text.RegularExpressions.Regex.Replace(text, "[A-Za-z]{4,}", m =>
        {
            var inner = m.Value[1..^1].ToCharArray();
            random.Shuffle(inner);
            return m.Value[0] + new string(inner) + m.Value[^1];
        });

    [Fact]
    public void Rubric_phrases_strung_into_sentences_are_a_keyword_list()
    {
        var terms = NewsFeed.AllCriteria().SelectMany(c => c.Criterion.Concepts.Select(g => g[^1])).ToList();
        var salad = string.Join(' ', terms.Chunk(8).Select(chunk => char.ToUpperInvariant(chunk[0][0]) + string.Join(' ', chunk)[1..] + "."));
        var weak = Score(Weak);

        var padded = Score(Weak + "\n\n" + salad);

        Assert.Contains(Flags.KeywordStuffing, padded.Flags);
        Assert.All(Dimensions.All, d => Assert.True(padded.Level(d) <= 1, $"{d} is {padded.Level(d)}"));
        // Where the weak answer says something, the terms add nothing; where it says nothing, they name the dimension.
        Assert.All(Dimensions.All.Where(d => weak.Level(d) > 0),
            d => Assert.Equal(weak.Dimensions[d].Score, padded.Dimensions[d].Score));
    }

    [Fact]
    public void Pasted_level_descriptors_are_no_evidence()
    {
        var descriptors = string.Join(' ', LocalScoring.Rubrics.Framework.Dimensions.Select(d => $"{d.Title} is {d.Levels[3].ToLowerInvariant()}"));

        var padded = Score(Weak + "\n\n" + descriptors);

        Assert.Equal(Score(Weak).Scores(), padded.Scores());
    }

    [Fact]
    public void Pasted_probe_questions_are_no_evidence()
    {
        var probes = "Questions I would also think about: " + string.Join(' ', NewsFeed.AllCriteria().Select(c => c.Criterion.Probes[0]));

        var padded = Score(Weak + "\n\n" + probes);

        Assert.Equal(Score(Weak).Scores(), padded.Scores());
    }

    [Fact]
    public void Exemplar_answers_pasted_from_a_report_are_no_evidence()
    {
        var exemplars = string.Join('\n', NewsFeed.AllCriteria().Select(c => c.Criterion.Exemplar));

        var padded = Score(Weak + "\n\n" + exemplars);

        Assert.Equal(Score(Weak).Scores(), padded.Scores());
    }

    [Theory]
    [InlineData("news-feed-strong")]
    [InlineData("news-feed-weak")]
    [InlineData("news-feed-negation")]
    public void Written_answers_have_no_garbled_unit(string name)
    {
        var analysis = Scorer.Analyse(NewsFeed, Answer(name));

        Assert.All(analysis.Units, u => Assert.False(u.Garbled, u.Text));
    }

    [Theory]
    [InlineData("The score is p(engage | u, p, a), where u is the user, p is the post and a is the author of p; features count interactions between u and a in the last 30 days, and a is weighted by closeness.")]
    [InlineData("For new listing we the embedding take as average of nearby listings. Also the ranker we the content features give, so new listings still rank. We the hit rate for young listings measure separately.")]
    [InlineData("Then the heavy model scores the of remaining posts within the 100 ms budget. So for the ranking model I would, um, use the. A final re-ranking step enforces diversity.")]
    [InlineData("Second: when someone searched with picture A and then saved B or bought it, A and B are related. Engagement logs: if someone searched with image A and then saved B, (A, B) is a positive.")]
    [InlineData("We rank the For You feed. Clicks on the For You page and the For You tab are the labels, and the For You shelf is left out.")]
    [InlineData("I'll start with the why, then the what, and only then the how. The why is retention.")]
    [InlineData("We predict the is_clicked label, the has_commented label and the is_hidden label, one head each.")]
    [InlineData("- Two-tower candidate retrieval\n- Feature drift PSI checks\n- Daily model retraining job\n- Light ranker GBDT scoring\n- Heavy ranker multi-task network\n- Canary rollout to one percent\n- Hide rate dashboard alerts\n- Survey score weekly review\n- Impression logging with positions\n- Time split for evaluation\n- Feature store for counters\n- Exploration slots for freshness")]
    [InlineData("We keep the to-do list short. An in-house model runs on the on-call team's cluster, and the A/B test uses the IT team's tooling.")]
    [InlineData("Label the \"not interested\" clicks as negatives; the 'if' branch handles users we have no history for.")]
    public void Variables_non_native_order_typos_and_compounds_are_not_scrambled(string answer)
    {
        var analysis = Scorer.Analyse(NewsFeed, answer);

        Assert.All(analysis.Units, u => Assert.False(u.Garbled, u.Text));
    }

    [Fact]
    public void A_short_sentence_that_echoes_a_probe_is_still_the_candidates()
    {
        var analysis = Scorer.Analyse(LocalScoring.Rubrics.Get("video-recommendation"), "We evaluate the retrieval and ranking stages offline.");

        Assert.All(analysis.Units, u => Assert.False(u.Garbled, u.Text));
    }
}
