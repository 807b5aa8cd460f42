using System.Buffers.Binary;
using Evaluator.Tests.Api;

namespace Evaluator.Tests.Storage;

public sealed class WalCheckpointerTests
{
    [Fact]
    public async Task Committed_batch_reaches_the_database_file_in_the_background()
    {
        // Arrange: connections never checkpoint on their own, so until the checkpointer runs new pages live in the log.
        using var factory = new ApiFactory();
        using var client = await factory.ClientForAsync("acme");
        var pagesBefore = PagesInDatabaseFile(factory.DatabasePath);

        // Act: about 400 KB of answers.
        var answer = string.Concat(Enumerable.Repeat(TestAnswers.Strong + " ", 12));
        var body = string.Concat(Enumerable.Range(1, 40).Select(i => TestAnswers.Line($"a-{i}", TestAnswers.Case, answer) + "\n"));
        using var submitted = await client.PostAsync("/api/batches", TestAnswers.Ndjson(body));
        var id = (await submitted.JsonAsync()).GetProperty("batch").GetProperty("id").GetString()!;
        await client.WaitForBatchAsync(id);

        // Assert: the file's own page count grows within a few ticks (bounded wait).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (PagesInDatabaseFile(factory.DatabasePath) <= pagesBefore && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(PagesInDatabaseFile(factory.DatabasePath) > pagesBefore, "the write-ahead log was never copied into the database file");
    }

    /// <summary>The database size in pages from the file header (offset 28), which only a checkpoint updates in WAL mode.</summary>
    private static uint PagesInDatabaseFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[100];
        file.ReadExactly(header);
        return BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28, 4));
    }
}
