using System.Text.Json;
using Evaluator.Json;
using Evaluator.Rubrics;

namespace Evaluator.Batches;

/// <summary>
/// Reads batch input: one JSON object per line with "id", "case" and "answer" (other keys are kept, not read).
/// A bad line becomes a <see cref="LineError"/> with its 1-based line number; it never stops the rest.
/// </summary>
public static class BatchReader
{
    public static IReadOnlyList<BatchLine> Read(TextReader reader, RubricSet rubrics)
    {
        var lines = new List<BatchLine>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            // Blank lines are skipped but still counted, so numbers match what an editor shows.
            if (!string.IsNullOrWhiteSpace(text)) lines.Add(Parse(number, text, rubrics));
        }
        return lines;
    }

    public static BatchLine Parse(int line, string text, RubricSet rubrics) => Parse(line, () => JsonDocument.Parse(text), rubrics, keepSource: true);

    /// <summary>
    /// A line as UTF-8 bytes, as it came over HTTP: parsed without decoding it to a string first. The server reads
    /// only the three fields, so <see cref="AnswerLine.Source"/> is left empty rather than copied for every line.
    /// </summary>
    public static BatchLine Parse(int line, ReadOnlyMemory<byte> utf8, RubricSet rubrics) =>
        // The JSON reader does not check the bytes inside strings; a line in another encoding fails on its own.
        System.Text.Unicode.Utf8.IsValid(utf8.Span)
            ? Parse(line, () => JsonDocument.Parse(utf8), rubrics, keepSource: false)
            : new LineError(line, null, "not valid UTF-8: save the file as UTF-8.");

    private static BatchLine Parse(int line, Func<JsonDocument> parse, RubricSet rubrics, bool keepSource)
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException e)
        {
            // The line number is ours (the parser counts within the line), the column is its.
            return new LineError(line, null, $"invalid JSON at column {e.BytePositionInLine + 1}: {JsonErrors.Reason(e)}");
        }
        using (document)
        {
            var read = Read(line, document.RootElement, rubrics);
            // The document is gone once this returns: a line that keeps its object gets a copy of its own.
            return keepSource && read is AnswerLine answer ? answer with { Source = document.RootElement.Clone() } : read;
        }
    }

    /// <summary>The line's fields; an <see cref="AnswerLine"/> comes back without its <see cref="AnswerLine.Source"/>.</summary>
    private static BatchLine Read(int line, JsonElement root, RubricSet rubrics)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return new LineError(line, null, "expected a JSON object with \"id\", \"case\" and \"answer\".");

        if (Field(root, "id", allowNumber: true) is not { } id || id.Length == 0)
            return new LineError(line, null, FieldError(root, "id"));
        if (Field(root, "case") is not { } caseId || caseId.Length == 0)
            return new LineError(line, id, FieldError(root, "case"));
        if (rubrics.Find(caseId) is not { } rubric)
            return new LineError(line, id, new UnknownCaseException(caseId, [.. rubrics.Cases.Select(c => c.Id)]).Message);
        if (Field(root, "answer") is not { } answer || string.IsNullOrWhiteSpace(answer))
            return new LineError(line, id, FieldError(root, "answer"));
        return new AnswerLine(line, id, rubric, answer, default);
    }

    private static string? Field(JsonElement root, string name, bool allowNumber = false) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : allowNumber && value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;

    private static string FieldError(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? $"missing \"{name}\"."
        : value.ValueKind == JsonValueKind.String ? $"\"{name}\" is empty."
        : $"\"{name}\" must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.";
}
