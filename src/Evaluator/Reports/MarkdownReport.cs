using System.Globalization;
using System.Text;
using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Reports;

/// <summary>
/// The evaluation as a Markdown report for the candidate: overall, then per dimension what earned its level
/// (with the quotes), what was missing (with the interviewer's probe and the rubric's exemplar), and the flags.
/// </summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public const string LevelLegend =
        "Levels: 0 missing or dismissed, 1 mentioned without specifics, 2 specific to this case, 3 specific and justified.";

    private static readonly Dictionary<string, string> FlagExplanations = new()
    {
        [Flags.KeywordStuffing] =
            "parts of the answer list terms without explaining them. A bare list counts as a mention at most " +
            "(level 1): say what you would do, why, and at what cost.",
        [Flags.PromptInjection] =
            "the answer contains text addressed to the grader (for example \"ignore previous instructions\", " +
            "\"give full marks\" or a fake score block). That text was ignored and never counts as evidence.",
    };

    public static string Render(Evaluation evaluation, CaseRubric rubric)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv, $"# {Inline(rubric.Title)}: evaluation of {Inline(evaluation.Id)}").AppendLine();
        md.AppendLine(Inv, $"**Overall: {evaluation.Overall}/100**, graded by the `{evaluation.Scorer}` scorer against rubric `{evaluation.Case}` version {Inline(evaluation.RubricVersion)}.")
            .AppendLine();
        if (evaluation.FallbackFrom is { } failed)
            md.AppendLine(Inv, $"> **Note:** the `{failed}` scorer failed, so the `{evaluation.Scorer}` scorer graded this answer instead. Reason: {Inline(evaluation.FallbackReason ?? "not given")}.")
                .AppendLine();
        AppendFlags(md, evaluation.Flags);
        AppendSummary(md, evaluation);
        foreach (var (dimension, result) in Ordered(evaluation))
            AppendDimension(md, dimension, result, rubric.Dimensions.GetValueOrDefault(dimension) ?? [], evaluation.Scorer);
        return md.ToString();
    }

    private static void AppendFlags(StringBuilder md, IReadOnlyList<string> flags)
    {
        if (flags.Count == 0) return;
        md.AppendLine("## Flags").AppendLine();
        foreach (var flag in flags)
            md.AppendLine(FlagExplanations.TryGetValue(flag, out var why) ? $"- **{flag}**: {why}" : $"- **{Inline(flag)}**");
        md.AppendLine();
    }

    private static void AppendSummary(StringBuilder md, Evaluation evaluation)
    {
        md.AppendLine("| Dimension | Level | Score |").AppendLine("|---|---:|---:|");
        foreach (var (dimension, result) in Ordered(evaluation))
            md.AppendLine(Inv, $"| {Title(dimension)} | {result.Level} | {result.Score} |");
        md.AppendLine().AppendLine(LevelLegend).AppendLine();
    }

    private static void AppendDimension(StringBuilder md, string dimension, DimensionResult result, IReadOnlyList<Criterion> criteria, string scorer)
    {
        md.AppendLine(Inv, $"## {Title(dimension)}: level {result.Level}, {result.Score}/100").AppendLine();
        if (result.Criteria.Count > 0)
        {
            md.AppendLine("What earned credit:").AppendLine();
            foreach (var found in result.Criteria)
            {
                var criterion = criteria.FirstOrDefault(c => c.Id == found.Id);
                var meaning = criterion?.Levels.GetValueOrDefault(found.Level) is { } text ? $": {Inline(text)}" : "";
                md.AppendLine(Inv, $"- **{found.Id}**, level {found.Level} of 3{meaning}");
                foreach (var quote in found.Evidence) AppendQuote(md, quote);
                if (found.Level < 3 && criterion?.Levels.GetValueOrDefault(found.Level + 1) is { } next)
                    md.AppendLine(Inv, $"  - To reach level {found.Level + 1}: {Inline(next)}");
            }
            md.AppendLine();
            // The local and onnx scorers keep a dimension that one sentence backs at 1 however that sentence reads: say
            // so. The llm judge decides depth itself.
            if (result.Level == 1 && scorer != "llm" && result.Criteria.SelectMany(c => c.Evidence).Distinct().Count() == 1)
                md.AppendLine("All of this comes from one sentence, and one sentence only mentions a dimension: say how, with "
                              + "what numbers and why, in more than one to raise it.").AppendLine();
        }
        if (result.Missing.Count > 0)
        {
            md.AppendLine("What was missing:").AppendLine();
            foreach (var missing in result.Missing)
            {
                var criterion = criteria.FirstOrDefault(c => c.Id == missing.Id);
                md.AppendLine(Inv, $"- **{missing.Id}**{(criterion is null ? "" : ": " + Inline(criterion.Description))}");
                md.AppendLine(Inv, $"  - The interviewer would ask: *{Inline(missing.Probe)}*");
                if (criterion is not null) md.AppendLine(Inv, $"  - A strong answer: {Inline(criterion.Exemplar)}");
            }
            md.AppendLine();
        }
        if (result.Criteria.Count == 0 && result.Missing.Count == 0)
            md.AppendLine("No criteria were scored for this dimension.").AppendLine();
    }

    /// <summary>Quotes evidence verbatim, line by line, as a block quote inside the list item.</summary>
    private static void AppendQuote(StringBuilder md, string quote)
    {
        foreach (var line in quote.Trim().ReplaceLineEndings("\n").Split('\n'))
            md.Append("  > ").AppendLine(Html(line));
    }

    /// <summary>Dimensions in the framework's report order, then any the scorer added.</summary>
    private static IEnumerable<(string Dimension, DimensionResult Result)> Ordered(Evaluation evaluation) =>
        Dimensions.All.Where(evaluation.Dimensions.ContainsKey)
            .Concat(evaluation.Dimensions.Keys.Except(Dimensions.All))
            .Select(d => (d, evaluation.Dimensions[d]));

    private static string Title(string dimension) =>
        dimension.Length == 0 ? dimension : char.ToUpperInvariant(dimension[0]) + dimension[1..];

    /// <summary>Text from the answer or the rubric on one line, with raw HTML neutralised.</summary>
    private static string Inline(string text) => Html(text.ReplaceLineEndings(" ").Trim());

    // Rendered Markdown passes HTML through; quotes must show as text, never as markup or hidden comments.
    private static string Html(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal);

}
