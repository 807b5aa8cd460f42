using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Evaluator.Json;
using Evaluator.Rubrics;

namespace Evaluator.Batches;

/// <summary>The body is over the size or item limit (HTTP 413).</summary>
public sealed class BatchTooLargeException(string message) : Exception(message);

/// <summary>The body as a whole cannot be read, e.g. a JSON array that is not valid JSON (HTTP 400).</summary>
public sealed class BatchFormatException(string message) : Exception(message);

/// <summary>
/// A batch body sent over HTTP: JSON lines (numbered from 1) or a JSON array (numbered by index from 0).
/// Each item is read by the CLI's <see cref="BatchReader"/>, so both report bad items the same way.
/// </summary>
public static class BatchBody
{
    /// <summary>Reads the whole body, refusing more than maxBytes before it is all in memory.</summary>
    public static async Task<byte[]> ReadAsync(Stream body, long maxBytes, long? length = null, CancellationToken cancellationToken = default)
    {
        // Sized by the declared length when there is one (never trusted beyond maxBytes), so 4 MB is not copied while it grows.
        using var buffer = new MemoryStream((int)Math.Min(length ?? 0, Math.Min(maxBytes, Array.MaxLength)));
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new BatchTooLargeException($"The batch is larger than {maxBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }
        // Filled exactly as declared: the buffer is the body, no copy.
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary>
    /// Splits the UTF-8 body into lines as <see cref="StringReader.ReadLine"/> does ('\n', '\r\n' or a lone '\r')
    /// and parses each line from its bytes. Blank lines are skipped but counted, as <see cref="BatchReader.Read"/>
    /// does, so numbers match what an editor shows and what the CLI reports for the same file.
    /// </summary>
    public static IReadOnlyList<BatchLine> ReadJsonLines(byte[] body, RubricSet cases, int maxItems)
    {
        ReadOnlyMemory<byte> rest = body;
        if (rest.Span.StartsWith(Utf8Bom)) rest = rest[Utf8Bom.Length..];
        var lines = new List<BatchLine>();
        for (var number = 1; !rest.IsEmpty; number++)
        {
            var end = rest.Span.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? rest : rest[..end];
            var next = end < 0 ? rest.Length : end + (rest.Span[end..].StartsWith("\r\n"u8) ? 2 : 1);
            rest = rest[next..];
            if (IsBlank(line.Span)) continue;
            if (lines.Count == maxItems) throw TooMany(maxItems);
            lines.Add(BatchReader.Parse(number, line, cases));
        }
        return lines;
    }

    /// <summary>Whitespace only, as string.IsNullOrWhiteSpace sees it (non-ASCII spaces such as NBSP included).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        var first = line.IndexOfAnyExcept(" \t\f\v"u8);
        if (first < 0) return true;
        if (line[first] < 0x80) return false;
        return Utf8.IsValid(line) && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static IReadOnlyList<BatchLine> ReadJsonArray(byte[] body, RubricSet cases, int maxItems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new BatchFormatException($"The body is not a valid JSON array ({JsonErrors.Position(e)}): {JsonErrors.Reason(e)} "
                + "For one answer object per line, send Content-Type: application/x-ndjson.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new BatchFormatException("An application/json batch must be a JSON array of {\"id\", \"case\", \"answer\"} objects.");
            if (document.RootElement.GetArrayLength() > maxItems) throw TooMany(maxItems);
            return [.. document.RootElement.EnumerateArray().Select((item, index) => BatchReader.Parse(index, item.GetRawText(), cases))];
        }
    }

    private static BatchTooLargeException TooMany(int maxItems) =>
        new($"A batch holds at most {maxItems} answers; split it into several batches.");
}
