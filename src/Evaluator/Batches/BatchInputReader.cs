using System.Text.Json;
using Evaluator.Json;

namespace Evaluator.Batches;

/// <summary>One answer of a submitted batch, or why it could not be read.</summary>
public sealed record BatchInputLine(int Position, string? Id, string? Case, string? Answer, string? Error);

/// <summary>The body is over the size or item limit (HTTP 413).</summary>
public sealed class BatchTooLargeException(string message) : Exception(message);

/// <summary>The body as a whole cannot be read, e.g. a JSON array that is not valid JSON (HTTP 400).</summary>
public sealed class BatchFormatException(string message) : Exception(message);

/// <summary>
/// Reads batch bodies: JSON lines (numbered from 1) or a JSON array (indexed from 0).
/// A bad line becomes an error record for that line; the other lines are still read.
/// Keys other than id, case and answer are ignored (e.g. labels), as in the CLI's batch input.
/// </summary>
public static partial class BatchInputReader
{
    [System.Text.RegularExpressions.GeneratedRegex(@" LineNumber: \d+ \|")]
    private static partial System.Text.RegularExpressions.Regex LineNumberInMessage();

    private sealed class Input
    {
        public string? Id { get; set; }
        public string? Case { get; set; }
        public string? Answer { get; set; }
    }

    /// <summary>Reads the whole body, refusing more than maxBytes before it is all in memory.</summary>
    public static async Task<byte[]> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new BatchTooLargeException($"The batch is larger than {maxBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static IReadOnlyList<BatchInputLine> ReadJsonLines(ReadOnlySpan<byte> body, int maxItems)
    {
        var lines = new List<BatchInputLine>();
        var lineNumber = 0;
        while (body.Length > 0)
        {
            lineNumber++;
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            line = line.TrimEnd((byte)'\r');
            if (line.Trim((byte)' ').IsEmpty) continue;
            if (lines.Count == maxItems) throw TooMany(maxItems);
            lines.Add(Parse(lineNumber, line));
        }
        return lines;
    }

    public static IReadOnlyList<BatchInputLine> ReadJsonArray(ReadOnlyMemory<byte> body, int maxItems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new BatchFormatException($"The body is not a valid JSON array (line {e.LineNumber + 1}): {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new BatchFormatException("A application/json batch must be a JSON array of {id, case, answer} objects.");
            if (document.RootElement.GetArrayLength() > maxItems) throw TooMany(maxItems);
            return [.. document.RootElement.EnumerateArray().Select((element, index) => Parse(index, element))];
        }
    }

    private static BatchTooLargeException TooMany(int maxItems) =>
        new($"A batch holds at most {maxItems} answers; split it into several batches.");

    private static BatchInputLine Parse(int position, ReadOnlySpan<byte> json)
    {
        try
        {
            return Check(position, JsonSerializer.Deserialize<Input>(json, EvaluatorJson.Options));
        }
        catch (JsonException e)
        {
            // The reader numbers lines within the one line it was given; drop that, the position says where.
            return new(position, null, null, null, "invalid JSON: " + LineNumberInMessage().Replace(e.Message, ""));
        }
    }

    private static BatchInputLine Parse(int position, JsonElement element)
    {
        try
        {
            return Check(position, element.Deserialize<Input>(EvaluatorJson.Options));
        }
        catch (JsonException e)
        {
            return new(position, null, null, null, "invalid item: " + e.Message);
        }
    }

    private static BatchInputLine Check(int position, Input? input)
    {
        if (input is null) return new(position, null, null, null, "expected an object {\"id\", \"case\", \"answer\"}, got null.");
        var missing = new[] { ("id", input.Id), ("case", input.Case), ("answer", input.Answer) }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"'{f.Item1}'").ToList();
        var error = missing.Count == 0 ? null : $"missing or empty {string.Join(", ", missing)}.";
        return new(position, input.Id, input.Case, input.Answer, error);
    }
}
