using Evaluator.Reports;
using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Tests.Reports;

public class MarkdownReportTests
{
    private static readonly CaseRubric Rubric = RubricLoader.LoadFolder(TestPaths.Rubrics).Get("news-feed");

    private static Criterion First(string dimension) => Rubric.Dimensions[dimension][0];

    /// <summary>Metrics covered at level 2 with two quotes; data missing; every other dimension empty at 0.</summary>
    private static Evaluation Sample(IReadOnlyList<string>? flags = null, string? fallbackFrom = null, string? evidence = null) => new()
    {
        Id = "a-17",
        Case = "news-feed",
        Scorer = "local",
        RubricVersion = Rubric.Version,
        Overall = 23,
        Flags = flags ?? [],
        FallbackFrom = fallbackFrom,
        FallbackReason = fallbackFrom is null ? null : "the endpoint timed out after 30 s",
        Dimensions = Dimensions.All.ToDictionary(d => d, d => d switch
        {
            Dimensions.Metrics => new DimensionResult(58, 2,
                [new CriterionResult(First(d).Id, 2, [evidence ?? "we track sessions per user", "AUC on a time split"])], []),
            Dimensions.Data => new DimensionResult(0, 0, [], [new MissingCriterion(First(d).Id, First(d).Probes[0])]),
            _ => new DimensionResult(0, 0, [], []),
        }),
    };

    [Fact]
    public void Report_opens_with_the_overall_score_and_a_row_per_dimension_in_framework_order()
    {
        var report = MarkdownReport.Render(Sample(), Rubric);

        Assert.StartsWith($"# {Rubric.Title}: evaluation of a-17", report, StringComparison.Ordinal);
        Assert.Contains("**Overall: 23/100**", report, StringComparison.Ordinal);
        Assert.Contains("| Metrics | 2 | 58 |", report, StringComparison.Ordinal);
        var headings = report.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Requirements", "Metrics", "Data", "Modelling", "Serving", "Monitoring"],
            headings.Select(h => h[3..h.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Covered_criterion_shows_its_level_meaning_and_each_quote()
    {
        var criterion = First(Dimensions.Metrics);

        var report = MarkdownReport.Render(Sample(), Rubric);

        Assert.Contains($"- **{criterion.Id}**, level 2 of 3: {criterion.Levels[2].Trim()}", report, StringComparison.Ordinal);
        Assert.Contains("  > we track sessions per user\n", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  > AUC on a time split\n", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"To reach level 3: {criterion.Levels[3].Trim()}", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dimension_one_sentence_backs_says_that_one_sentence_only_mentions_it()
    {
        const string sentence = "Since posts mix text and images, I would fine-tune a pretrained multimodal transformer with a multi-task loss.";
        var scorer = new LocalScorer(RubricLoader.LoadFolder(TestPaths.Rubrics));
        var oneSentence = scorer.Score("a-1", Rubric, $"## Model\n{sentence}\n");
        var twoSentences = scorer.Score("a-2", Rubric, $"## Model\n{sentence} A gradient-boosted tree is the baseline, because it trains in minutes.\n");

        var one = MarkdownReport.Render(oneSentence, Rubric);
        var two = MarkdownReport.Render(twoSentences, Rubric);

        var modelling = one[one.IndexOf("## Modelling", StringComparison.Ordinal)..];
        Assert.Contains("All of this comes from one sentence", modelling[..modelling.IndexOf("\n## ", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("comes from one sentence", two, StringComparison.Ordinal);
    }

    [Fact]
    public void The_one_sentence_note_is_left_out_for_the_llm_judge_which_decides_depth_itself()
    {
        var scorer = new LocalScorer(RubricLoader.LoadFolder(TestPaths.Rubrics));
        var local = scorer.Score("a-1", Rubric, "## Model\nSince posts mix text and images, I would fine-tune a pretrained multimodal transformer.\n");

        var report = MarkdownReport.Render(local with { Scorer = "llm" }, Rubric);

        Assert.Contains("All of this comes from one sentence", MarkdownReport.Render(local, Rubric), StringComparison.Ordinal);
        Assert.DoesNotContain("comes from one sentence", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_criterion_shows_the_probe_and_the_rubric_exemplar()
    {
        var criterion = First(Dimensions.Data);

        var report = MarkdownReport.Render(Sample(), Rubric);

        var section = report[report.IndexOf("## Data:", StringComparison.Ordinal)..report.IndexOf("## Modelling:", StringComparison.Ordinal)];
        Assert.Contains("What was missing:", section, StringComparison.Ordinal);
        Assert.Contains($"**{criterion.Id}**: {criterion.Description}", section, StringComparison.Ordinal);
        Assert.Contains($"The interviewer would ask: *{criterion.Probes[0]}*", section, StringComparison.Ordinal);
        Assert.Contains($"A strong answer: {criterion.Exemplar.ReplaceLineEndings(" ").Trim()}", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_are_explained_not_just_named()
    {
        var report = MarkdownReport.Render(Sample(flags: [Flags.KeywordStuffing, Flags.PromptInjection]), Rubric);

        Assert.Contains("## Flags", report, StringComparison.Ordinal);
        Assert.Contains("- **keyword-stuffing**: parts of the answer list terms without explaining them", report, StringComparison.Ordinal);
        Assert.Contains("- **prompt-injection**: the answer contains text addressed to the grader", report, StringComparison.Ordinal);
        Assert.Contains("never counts as evidence", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_without_flags_has_no_flags_section()
    {
        var report = MarkdownReport.Render(Sample(), Rubric);

        Assert.DoesNotContain("## Flags", report, StringComparison.Ordinal);
        Assert.DoesNotContain("**Note:**", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Fallback_says_which_scorer_failed_and_why()
    {
        var report = MarkdownReport.Render(Sample(fallbackFrom: "llm"), Rubric);

        Assert.Contains("the `llm` scorer failed, so the `local` scorer graded this answer instead. Reason: the endpoint timed out after 30 s.",
            report, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_in_a_quote_is_shown_as_text_and_multi_line_quotes_stay_quoted()
    {
        var report = MarkdownReport.Render(Sample(evidence: "we log <b>clicks</b>\nand dwell time"), Rubric).ReplaceLineEndings("\n");

        Assert.Contains("  > we log &lt;b>clicks&lt;/b>\n  > and dwell time\n", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", report, StringComparison.Ordinal);
    }
}
