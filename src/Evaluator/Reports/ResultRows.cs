using System.Globalization;
using System.Text;
using System.Text.Json;
using Evaluator.Json;
using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Reports;

/// <summary>
/// One graded answer of a batch, or the error for it. Position is the input line (jsonl, from 1)
/// or array index (json, from 0); PositionName says which.
/// </summary>
public sealed record ResultRow(string PositionName, int Position, string? Id, string? Case, Evaluation? Evaluation, string? Error);

/// <summary>
/// Batch results as JSON lines (the evaluation itself, or an error record with its position) or as
/// CSV (one row per answer: overall and per-dimension scores, flags, error). Shared by the CLI and the API.
/// </summary>
public static class ResultRows
{
    public const string JsonLinesMediaType = "application/x-ndjson";
    public const string CsvMediaType = "text/csv";

    public static string JsonLine(ResultRow row) => row.Evaluation is { } evaluation
        ? JsonSerializer.Serialize(evaluation, EvaluatorJson.Options)
        : ErrorJsonLine(row);

    public static string ErrorJsonLine(ResultRow row)
    {
        var record = new Dictionary<string, object> { [row.PositionName] = row.Position };
        if (row.Id is not null) record["id"] = row.Id;
        if (row.Case is not null) record["case"] = row.Case;
        record["error"] = row.Error ?? "not graded.";
        return JsonSerializer.Serialize(record, EvaluatorJson.Options);
    }

    public static string CsvHeader(string positionName) => string.Join(',',
        new[] { "id", positionName, "case", "scorer", "rubricVersion", "overall" }
            .Concat(Dimensions.All)
            .Concat(["flags", "fallbackFrom", "error"]));

    public static string CsvLine(ResultRow row)
    {
        var e = row.Evaluation;
        var fields = new[]
            {
                Text(row.Id), row.Position.ToString(CultureInfo.InvariantCulture), Text(row.Case), Text(e?.Scorer),
                Text(e?.RubricVersion), Number(e?.Overall),
            }
            .Concat(Dimensions.All.Select(d => Number(e is not null && e.Dimensions.TryGetValue(d, out var r) ? r.Score : null)))
            .Concat([Text(e is null ? null : string.Join(' ', e.Flags)), Text(e?.FallbackFrom), Text(row.Error)]);
        return string.Join(',', fields);
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula.</summary>
    private static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return new StringBuilder(value.Length + 2).Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
