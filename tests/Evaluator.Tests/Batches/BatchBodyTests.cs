using Evaluator.Batches;

namespace Evaluator.Tests.Batches;

public class BatchBodyTests
{
    private static byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i % 251))];

    [Theory]
    [InlineData(100_000, null)]
    [InlineData(100_000, 100_000L)]
    [InlineData(200_000, null)]
    public async Task Body_read_without_or_with_its_length_comes_back_byte_for_byte(int size, long? declared)
    {
        var sent = Bytes(size);

        using var body = await BatchBody.ReadAsync(new MemoryStream(sent), maxBytes: 200_000, declared);

        Assert.Equal(sent, body.Bytes.ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(200_001L)]
    public async Task One_byte_over_the_limit_is_too_large(long? declared)
    {
        var sent = Bytes(200_001);

        var error = await Assert.ThrowsAsync<BatchTooLargeException>(() => BatchBody.ReadAsync(new MemoryStream(sent), maxBytes: 200_000, declared));

        Assert.Contains("200000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposed_body_can_no_longer_be_read()
    {
        var body = await BatchBody.ReadAsync(new MemoryStream(Bytes(10)), maxBytes: 100);

        body.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.Bytes);
    }
}
