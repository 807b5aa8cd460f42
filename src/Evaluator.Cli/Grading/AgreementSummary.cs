using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Calibration;
using Evaluator.Rubrics;

namespace Evaluator.Cli.Grading;

/// <summary>Agreement of one dimension (or all pooled): counts, QWK, Spearman, exact share, 4x4 confusion matrix.</summary>
public sealed record AgreementFigures(int Pairs, double? Qwk, double? Spearman, double? Exact, int[][] Confusion)
{
    public static AgreementFigures From(IReadOnlyList<(int Human, int Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var size = Agreement.MaxLevel - Agreement.MinLevel + 1;
        if (pairs.Count == 0) return new(0, null, null, null, [.. Enumerable.Range(0, size).Select(_ => new int[size])]);
        var human = pairs.Select(p => p.Human).ToList();
        var predicted = pairs.Select(p => p.Predicted).ToList();
        var matrix = Agreement.ConfusionMatrix(human, predicted);
        var spearman = Agreement.Spearman(human, predicted);
        return new(pairs.Count,
            Agreement.QuadraticWeightedKappa(human, predicted),
            // Undefined when one side never varies; JSON has no NaN, so it is null.
            double.IsNaN(spearman) ? null : spearman,
            Agreement.ExactAgreement(human, predicted),
            [.. Enumerable.Range(0, size).Select(i => Enumerable.Range(0, size).Select(j => matrix[i, j]).ToArray())]);
    }
}

/// <summary>The agreement report: figures per dimension and over all dimensions, plus the lines that failed.</summary>
public sealed record AgreementSummary(
    int Lines,
    int Graded,
    IReadOnlyDictionary<string, AgreementFigures> Dimensions,
    AgreementFigures All,
    IReadOnlyList<LineError> Failed)
{
    public static AgreementSummary From(IReadOnlyList<GradedLine> graded)
    {
        ArgumentNullException.ThrowIfNull(graded);
        var pairs = Rubrics.Dimensions.All.ToDictionary(d => d, _ => new List<(int, int)>());
        foreach (var line in graded)
        {
            if (line.Evaluation is not { } evaluation || line.Source is not AnswerLine answer) continue;
            foreach (var (dimension, human) in Labels(answer.Source))
                if (evaluation.Dimensions.TryGetValue(dimension, out var result)) pairs[dimension].Add((human, result.Level));
        }
        return new(
            graded.Count,
            graded.Count(g => g.Evaluation is not null),
            pairs.ToDictionary(p => p.Key, p => AgreementFigures.From(p.Value)),
            AgreementFigures.From([.. pairs.Values.SelectMany(p => p)]),
            [.. graded.Select(g => g.Error).OfType<LineError>()]);
    }

    /// <summary>
    /// Checks a line's "labels": an object of dimension to level 0-3 (dimensions may be left out).
    /// Returns the problem, or null when the labels are usable.
    /// </summary>
    public static string? CheckLabels(JsonElement source)
    {
        if (!source.TryGetProperty("labels", out var labels)) return "missing \"labels\" (human levels per dimension).";
        if (labels.ValueKind != JsonValueKind.Object) return "\"labels\" must be an object of dimension to level 0-3.";
        var count = 0;
        foreach (var label in labels.EnumerateObject())
        {
            if (!Rubrics.Dimensions.All.Contains(label.Name))
                return $"unknown dimension '{label.Name}' in \"labels\" (expected: {string.Join(", ", Rubrics.Dimensions.All)}).";
            if (label.Value.ValueKind != JsonValueKind.Number || !label.Value.TryGetInt32(out var level)
                || level is < Agreement.MinLevel or > Agreement.MaxLevel)
                return $"label '{label.Name}' must be a whole number from {Agreement.MinLevel} to {Agreement.MaxLevel}, not {label.Value.GetRawText()}.";
            count++;
        }
        return count == 0 ? "\"labels\" is empty." : null;
    }

    private static IEnumerable<(string Dimension, int Level)> Labels(JsonElement source) =>
        source.GetProperty("labels").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32()));
}
