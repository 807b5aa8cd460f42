using System.Globalization;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Spectre.Console;

namespace Evaluator.Cli.Grading;

/// <summary>One evaluation as a table: dimension, level, score, evidence count, missing criteria.</summary>
public static class EvaluationTable
{
    public static void Write(Evaluation evaluation, IAnsiConsole console, bool plain)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table
        {
            Title = new TableTitle(Markup.Escape(FormattableString.Invariant(
                $"{evaluation.Case} / {evaluation.Id}: overall {evaluation.Overall}/100 ({evaluation.Scorer} scorer)"))),
            // Redirected output is read by people and scripts alike: plain ASCII, no colour.
            Border = plain ? TableBorder.Ascii : TableBorder.Rounded,
        };
        table.AddColumn("dimension");
        table.AddColumn(new TableColumn("level").RightAligned());
        table.AddColumn(new TableColumn("score").RightAligned());
        table.AddColumn(new TableColumn("evidence").RightAligned());
        table.AddColumn("missing");

        foreach (var dimension in Dimensions.All.Where(evaluation.Dimensions.ContainsKey))
        {
            var result = evaluation.Dimensions[dimension];
            table.AddRow(
                new Text(dimension),
                new Text(Number(result.Level)),
                new Text(Number(result.Score)),
                new Text(Number(result.Criteria.Sum(c => c.Evidence.Count))),
                new Text(string.Join(", ", result.Missing.Select(m => m.Id))));
        }
        if (plain) console.Profile.Width = Math.Max(console.Profile.Width, 120);
        console.Write(table);

        if (evaluation.Flags.Count > 0) console.WriteLine($"flags: {string.Join(", ", evaluation.Flags)}");
        if (evaluation.FallbackFrom is { } failed)
            console.WriteLine($"fallback: the {failed} scorer failed ({evaluation.FallbackReason}); graded by {evaluation.Scorer}.");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
