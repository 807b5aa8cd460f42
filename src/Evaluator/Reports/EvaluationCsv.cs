using System.Globalization;
using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Reports;

/// <summary>
/// Batch results as CSV (RFC 4180 quoting): id, case, overall, each dimension's score and level, flags, error.
/// One row per input line; a failed line keeps its id and case and fills only the error column.
/// </summary>
public static class EvaluationCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "id", "case", "overall",
        .. Dimensions.All.SelectMany(d => new[] { $"{d}_score", $"{d}_level" }),
        "flags", "error",
    ];

    public static void WriteHeader(TextWriter writer) => WriteRow(writer, Header);

    public static void WriteEvaluation(TextWriter writer, Evaluation evaluation)
    {
        var cells = new List<string?> { evaluation.Id, evaluation.Case, Number(evaluation.Overall) };
        foreach (var dimension in Dimensions.All)
        {
            var result = evaluation.Dimensions.GetValueOrDefault(dimension);
            cells.Add(result is null ? null : Number(result.Score));
            cells.Add(result is null ? null : Number(result.Level));
        }
        cells.Add(string.Join(';', evaluation.Flags));
        cells.Add(null);
        WriteRow(writer, cells);
    }

    public static void WriteError(TextWriter writer, string? id, string? caseId, string error)
    {
        var cells = new string?[Header.Count];
        cells[0] = id;
        cells[1] = caseId;
        cells[^1] = error;
        WriteRow(writer, cells);
    }

    private static void WriteRow(TextWriter writer, IEnumerable<string?> cells)
    {
        writer.Write(string.Join(',', cells.Select(Quote)));
        // RFC 4180 line ending, whatever the platform.
        writer.Write("\r\n");
    }

    /// <summary>Quotes a cell only when it needs it: a comma, a quote or a line break.</summary>
    public static string Quote(string? cell) =>
        string.IsNullOrEmpty(cell) ? ""
        : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : cell;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
