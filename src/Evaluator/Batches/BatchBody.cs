using System.Buffers;
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
    /// <summary>
    /// Reads the whole body into a buffer rented from the shared pool, refusing more than maxBytes before it is all in
    /// memory. A fresh megabytes-long array per batch went to the large object heap, whose budget then started a full
    /// collection every few batches; the pooled one is the same array batch after batch. Dispose it once it is parsed.
    /// </summary>
    public static async Task<RentedBody> ReadAsync(Stream body, long maxBytes, long? length = null, CancellationToken cancellationToken = default)
    {
        var limit = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        // Sized by the declared length when there is one (never trusted beyond the limit), so it rarely grows.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(length ?? 0, 4096), limit + 1L));
        var filled = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
                if (filled > limit) throw new BatchTooLargeException($"The batch is larger than {maxBytes} bytes.");
                if (filled == buffer.Length) buffer = Grow(buffer, filled, limit);
            }
            return new RentedBody(buffer, filled);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>A full buffer swapped for one twice its size (one byte past the limit at most, to see a body over it).</summary>
    private static byte[] Grow(byte[] buffer, int filled, int limit)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit + 1L));
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>
    /// Splits the UTF-8 body into lines as <see cref="StringReader.ReadLine"/> does ('\n', '\r\n' or a lone '\r')
    /// and parses each line from its bytes. Blank lines are skipped but counted, as <see cref="BatchReader.Read"/>
    /// does, so numbers match what an editor shows and what the CLI reports for the same file.
    /// </summary>
    public static IReadOnlyList<BatchLine> ReadJsonLines(ReadOnlyMemory<byte> body, RubricSet cases, int maxItems) =>
        [.. SplitJsonLines(body, maxItems).Select(line => BatchReader.Parse(line.Number, line.Bytes, cases))];

    /// <summary>
    /// The non-blank lines of a JSON lines body with their numbers, not parsed yet: a fraction of a millisecond for
    /// 1,000 answers, where parsing them takes a few. Throws <see cref="BatchTooLargeException"/> past maxItems.
    /// </summary>
    public static List<(int Number, ReadOnlyMemory<byte> Bytes)> SplitJsonLines(ReadOnlyMemory<byte> body, int maxItems)
    {
        ReadOnlyMemory<byte> rest = body;
        if (rest.Span.StartsWith(Utf8Bom)) rest = rest[Utf8Bom.Length..];
        var lines = new List<(int, ReadOnlyMemory<byte>)>();
        for (var number = 1; !rest.IsEmpty; number++)
        {
            var end = rest.Span.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? rest : rest[..end];
            var next = end < 0 ? rest.Length : end + (rest.Span[end..].StartsWith("\r\n"u8) ? 2 : 1);
            rest = rest[next..];
            if (IsBlank(line.Span)) continue;
            if (lines.Count == maxItems) throw TooMany(maxItems);
            lines.Add((number, line));
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

    public static IReadOnlyList<BatchLine> ReadJsonArray(ReadOnlyMemory<byte> body, RubricSet cases, int maxItems)
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

/// <summary>A request body in an array rented from the shared pool: <see cref="Bytes"/> until disposed, then nothing.</summary>
public sealed class RentedBody(byte[] buffer, int length) : IDisposable
{
    private byte[]? buffer = buffer;

    public ReadOnlyMemory<byte> Bytes => (buffer ?? throw new ObjectDisposedException(nameof(RentedBody))).AsMemory(0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref buffer, null) is { } rented) ArrayPool<byte>.Shared.Return(rented);
    }
}
