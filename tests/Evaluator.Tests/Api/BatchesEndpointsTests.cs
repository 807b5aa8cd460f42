using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Organisations;
using Evaluator.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Api;

/// <summary>Small limits so the 413 cases are cheap to reach.</summary>
public sealed class SmallBatchLimitsFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Batches:MaxItems"] = "50",
        ["Batches:MaxBytes"] = "200000",
    };
}

public class BatchesEndpointsTests(SmallBatchLimitsFactory factory) : IClassFixture<SmallBatchLimitsFactory>
{
    [Fact]
    public async Task Json_lines_batch_is_accepted_with_its_location_and_graded()
    {
        using var client = await factory.ClientForAsync("batches");

        using var response = await client.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(5)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.JsonAsync();
        var id = accepted.GetProperty("batch").GetProperty("id").GetString()!;
        Assert.EndsWith($"/api/batches/{id}", response.Headers.Location!.ToString());
        var done = await client.WaitForBatchAsync(id);
        Assert.Equal(5, done.GetProperty("counts").GetProperty("graded").GetInt32());
        Assert.Equal(0, done.GetProperty("counts").GetProperty("pending").GetInt32());
        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());
    }

    [Fact]
    public async Task A_graded_item_keeps_its_result_and_not_its_answer()
    {
        using var client = await factory.ClientForAsync("batches");
        using var response = await client.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(3)));
        var id = (await response.JsonAsync()).GetProperty("batch").GetProperty("id").GetString()!;

        await client.WaitForBatchAsync(id);

        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == id).ToList());
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Null(i.Answer));
        Assert.All(items, i => Assert.NotNull(i.Result));
    }

    [Fact]
    public async Task Batches_are_listed_newest_first_in_pages_linked_by_the_Link_header()
    {
        // Arrange
        using var client = await factory.ClientForAsync("pages");
        var submitted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(1)));
            submitted.Add((await response.JsonAsync()).GetProperty("batch").GetProperty("id").GetString()!);
        }

        // Act
        var pages = await client.PagesAsync("/api/batches?limit=2");

        // Assert
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Reverse(submitted), pages.SelectMany(p => p));
    }

    [Theory]
    [InlineData("/api/batches?limit=0", "limit")]
    [InlineData("/api/batches?limit=501", "limit")]
    [InlineData("/api/batches?before=b_not-here", "before")]
    [InlineData("/api/sessions?limit=0", "limit")]
    [InlineData("/api/sessions?before=s_not-here", "before")]
    public async Task List_with_a_bad_limit_or_an_unknown_before_is_400_problem_naming_it(string url, string parameter)
    {
        using var client = await factory.ClientForAsync("bad-pages");

        using var response = await client.GetAsync(url);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Status_with_wait_answers_once_the_batch_is_completed()
    {
        using var client = await factory.ClientForAsync("waiters");
        var accepted = await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(50)))).JsonAsync();
        var id = accepted.GetProperty("batch").GetProperty("id").GetString()!;

        var done = await (await client.GetAsync($"/api/batches/{id}?wait=30")).JsonAsync();

        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(50, done.GetProperty("counts").GetProperty("graded").GetInt32());
        Assert.Equal(0, done.GetProperty("counts").GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task Status_with_wait_of_a_missing_batch_is_not_found_at_once()
    {
        using var client = await factory.ClientForAsync("waiters");

        using var response = await client.GetAsync("/api/batches/b_missing?wait=30");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_their_line_numbers_and_the_rest_is_graded()
    {
        using var client = await factory.ClientForAsync("batches");
        var body = TestAnswers.Line("ok-1", TestAnswers.Case, TestAnswers.Strong) + "\n"
            + "{not json\n"
            + "\n"
            + TestAnswers.Line("bad-case", "no-such-case", "x") + "\n"
            + """{"id":"typed","case":"news-feed","answer":7}""" + "\n"
            + """{"id":"no-answer","case":"news-feed","labels":{"metrics":2}}""" + "\n"
            + TestAnswers.Line("ok-2", TestAnswers.Case, TestAnswers.Strong) + "\n";

        var accepted = await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(body))).JsonAsync();
        var id = accepted.GetProperty("batch").GetProperty("id").GetString()!;
        await client.WaitForBatchAsync(id);
        var lines = (await client.GetStringAsync($"/api/batches/{id}/results?format=jsonl"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal([2, 4, 5, 6], accepted.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(6, lines.Count);
        Assert.Equal(["ok-1", "ok-2"], lines.Where(l => l.TryGetProperty("overall", out _)).Select(l => l.GetProperty("id").GetString()));
        var errors = lines.Where(l => l.TryGetProperty("error", out _)).ToDictionary(l => l.GetProperty("line").GetInt32(), l => l.GetProperty("error").GetString()!);
        Assert.Equal([2, 4, 5, 6], errors.Keys);
        Assert.Contains("invalid JSON", errors[2]);
        Assert.Contains("no-such-case", errors[4]);
        Assert.Contains("\"answer\" must be a string", errors[5]);
        Assert.Contains("missing \"answer\"", errors[6]);
    }

    [Fact]
    public async Task First_download_comes_from_memory_with_the_same_bytes_as_the_database()
    {
        // Arrange: a batch with graded and rejected lines, completed; the worker holds its rows for the first download.
        using var client = await factory.ClientForAsync("batches");
        var body = TestAnswers.Line("ok-1", TestAnswers.Case, TestAnswers.Strong) + "\n{not json\n"
            + TestAnswers.Line("ok-2", TestAnswers.Case, "We start with the requirements and the offline metrics.") + "\n";
        var accepted = await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(body))).JsonAsync();
        var id = accepted.GetProperty("batch").GetProperty("id").GetString()!;
        await client.WaitForBatchAsync(id);
        var inMemory = factory.Services.GetRequiredService<ResultsInMemory>();
        var rows = CopyHeldRows(inMemory, id);
        Assert.Equal([1, 2, 3], rows.Select(r => r.Position));

        // Act
        var fromMemory = await client.GetStringAsync($"/api/batches/{id}/results?format=jsonl");
        var takenByTheDownload = CopyHeldRows(inMemory, id).Count == 0;
        var fromDatabase = await client.GetStringAsync($"/api/batches/{id}/results?format=jsonl");
        Hold(inMemory, id, rows);
        var csvFromMemory = await client.GetStringAsync($"/api/batches/{id}/results?format=csv");
        var csvFromDatabase = await client.GetStringAsync($"/api/batches/{id}/results?format=csv");

        // Assert
        Assert.True(takenByTheDownload);
        Assert.Equal(3, fromDatabase.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(fromDatabase, fromMemory);
        Assert.Equal(csvFromDatabase, csvFromMemory);
    }

    [Fact]
    public async Task First_download_gives_the_memory_of_the_held_rows_back()
    {
        // Arrange: a completed batch whose rows the worker holds, in a chunk we know.
        using var client = await factory.ClientForAsync("batches");
        var accepted = await (await client.PostAsync("/api/batches",
            TestAnswers.Ndjson(TestAnswers.Line("ok-1", TestAnswers.Case, TestAnswers.Strong) + "\n"))).JsonAsync();
        var id = accepted.GetProperty("batch").GetProperty("id").GetString()!;
        await client.WaitForBatchAsync(id);
        var inMemory = factory.Services.GetRequiredService<ResultsInMemory>();
        var held = inMemory.Open(id);
        Assert.NotNull(held);
        var chunk = Chunk(held.After(int.MinValue).Single().Result!.Value);
        held.Release();

        // Act
        await client.GetStringAsync($"/api/batches/{id}/results?format=jsonl");

        // Assert: the next batch held starts in the chunk the download gave back.
        var next = inMemory.Start("b_next", [1]);
        next.Add(new ResultRow(1, "a-1", TestAnswers.Case, ItemState.Graded, "{}"u8.ToArray(), null));
        Assert.Same(chunk, Chunk(next.After(int.MinValue).Single().Result!.Value));
        inMemory.Abandon("b_next", next);
        next.Release();
    }

    /// <summary>Copies of the rows held for a batch (none when it is not held), their bytes safe to keep.</summary>
    private static List<ResultRow> CopyHeldRows(ResultsInMemory inMemory, string batchId)
    {
        var held = inMemory.Open(batchId);
        if (held is null) return [];
        try
        {
            return [.. held.After(int.MinValue).Select(r => r with { Result = r.Result?.ToArray() })];
        }
        finally
        {
            held.Release();
        }
    }

    /// <summary>Holds the rows again as the worker would for a batch it completed.</summary>
    private static void Hold(ResultsInMemory inMemory, string batchId, IReadOnlyList<ResultRow> rows)
    {
        var held = inMemory.Start(batchId, rows.Select(r => r.Position));
        foreach (var row in rows) held.Add(row);
        inMemory.Complete(batchId, held);
        held.Release();
    }

    private static byte[]? Chunk(ReadOnlyMemory<byte> bytes) => MemoryMarshal.TryGetArray(bytes, out var segment) ? segment.Array : null;

    [Fact]
    public async Task Json_array_batch_reports_items_by_index()
    {
        using var client = await factory.ClientForAsync("batches");
        var body = $"[{TestAnswers.Line("x-0", TestAnswers.Case, TestAnswers.Strong)}, {{\"id\":\"x-1\"}}]";

        using var response = await client.PostAsync("/api/batches", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.JsonAsync();
        var rejected = Assert.Single(accepted.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        var id = accepted.GetProperty("batch").GetProperty("id").GetString()!;
        await client.WaitForBatchAsync(id);
        var csv = await client.GetStringAsync($"/api/batches/{id}/results?format=csv");
        Assert.Contains("index 1: ", csv);
    }

    [Fact]
    public async Task Results_come_as_csv_by_query_or_by_accept_header()
    {
        using var client = await factory.ClientForAsync("batches");
        var id = (await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(3)))).JsonAsync())
            .GetProperty("batch").GetProperty("id").GetString()!;
        await client.WaitForBatchAsync(id);

        using var byQuery = await client.GetAsync($"/api/batches/{id}/results?format=csv");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/batches/{id}/results");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var byAccept = await client.SendAsync(request);
        using var jsonl = await client.GetAsync($"/api/batches/{id}/results");

        Assert.Equal("text/csv", byQuery.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/x-ndjson", jsonl.Content.Headers.ContentType?.MediaType);
        var rows = (await byQuery.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.Equal(string.Join(',', EvaluationCsv.Header), rows[0]);
        Assert.StartsWith("a-1,news-feed,", rows[1]);
        Assert.Equal(await byQuery.Content.ReadAsStringAsync(), await byAccept.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_result_format_is_400_problem()
    {
        using var client = await factory.ClientForAsync("batches");
        var id = (await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(1)))).JsonAsync())
            .GetProperty("batch").GetProperty("id").GetString()!;

        await (await client.GetAsync($"/api/batches/{id}/results?format=xml")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Results_of_an_unfinished_batch_are_409_problem()
    {
        using var client = await factory.ClientForAsync("queued-org");
        AddQueuedBatch("b_queued", "queued-org", (1, "a"));

        var status = await (await client.GetAsync("/api/batches/b_queued")).JsonAsync();
        var problem = await (await client.GetAsync("/api/batches/b_queued/results")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("queued", status.GetProperty("status").GetString());
        Assert.Contains("0 of 1", problem.GetProperty("detail").GetString());
        Assert.Contains("?follow=true", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Status_with_wait_answers_with_the_current_state_when_the_wait_runs_out()
    {
        using var client = await factory.ClientForAsync("wait-org");
        AddQueuedBatch("b_waiting", "wait-org", (1, "a"));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var status = await (await client.GetAsync("/api/batches/b_waiting?wait=1")).JsonAsync();

        // It held the request for the wait (not answered at once), then answered 200 with the state as of then.
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
        Assert.Equal("queued", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("counts").GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task Followed_results_arrive_in_order_as_items_are_committed_and_end_when_the_batch_completes()
    {
        // Arrange: a queued batch that only this test moves on, as the worker would.
        using var client = await factory.ClientForAsync("follow-org");
        AddQueuedBatch("b_follow", "follow-org", (1, "a"), (3, "b"));
        var completions = factory.Services.GetRequiredService<BatchCompletions>();

        // Act: follow, then grade the second item first, then the first, then complete.
        using var response = await client.GetAsync("/api/batches/b_follow/results?follow=true", HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync());
        Grade(3, "b");
        completions.Committed();
        var first = lines.ReadLineAsync();
        await Task.Delay(300);
        var firstWaited = !first.IsCompleted;
        Grade(1, "a");
        completions.Committed();
        var firstLine = await first.WaitAsync(TimeSpan.FromSeconds(10));
        var secondLine = await lines.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var ended = lines.ReadToEndAsync();
        await Task.Delay(300);
        var endedEarly = ended.IsCompleted;
        factory.InDatabase(db => db.Batches.Where(b => b.Id == "b_follow").ExecuteUpdate(b => b.SetProperty(x => x.State, BatchState.Completed)));
        completions.Completed();
        var rest = await ended.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert: line 1 waited for item 1 although item 3 was done; the stream ended only with the batch.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(firstWaited, "the first line came before its item was graded");
        Assert.Equal("a", JsonDocument.Parse(firstLine!).RootElement.GetProperty("id").GetString());
        Assert.Equal("b", JsonDocument.Parse(secondLine!).RootElement.GetProperty("id").GetString());
        Assert.False(endedEarly, "the stream ended before the batch completed");
        Assert.Equal("", rest);

        void Grade(int position, string id) => GradeInDatabase("b_follow", position, id);
    }

    [Fact]
    public async Task Followed_results_come_from_memory_and_go_on_from_the_database_when_the_worker_stops_filling_it()
    {
        // Arrange: a queued batch whose rows are held in memory as the worker holds them; the database has item 1 pending.
        using var client = await factory.ClientForAsync("follow-memory");
        AddQueuedBatch("b_memory", "follow-memory", (1, "a"), (2, "b"));
        var completions = factory.Services.GetRequiredService<BatchCompletions>();
        var inMemory = factory.Services.GetRequiredService<ResultsInMemory>();
        var held = inMemory.Start("b_memory", [1, 2]);

        // Act: item 1 only in memory; then memory is abandoned and item 2 graded in the database; then completed.
        using var response = await client.GetAsync("/api/batches/b_memory/results?follow=true", HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync());
        held.Add(new ResultRow(1, "a", TestAnswers.Case, ItemState.Graded, Encoding.UTF8.GetBytes("{\"id\":\"from-memory\"}"), null));
        completions.Committed();
        var firstLine = await lines.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        inMemory.Abandon("b_memory", held);
        held.Release();
        GradeInDatabase("b_memory", 1, "a");
        GradeInDatabase("b_memory", 2, "from-database");
        completions.Committed();
        var secondLine = await lines.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        factory.InDatabase(db => db.Batches.Where(b => b.Id == "b_memory").ExecuteUpdate(b => b.SetProperty(x => x.State, BatchState.Completed)));
        completions.Completed();
        var rest = await lines.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));

        // Assert: the first line could only come from memory; the stream went on after it from the database.
        Assert.Equal("from-memory", JsonDocument.Parse(firstLine!).RootElement.GetProperty("id").GetString());
        Assert.Equal("from-database", JsonDocument.Parse(secondLine!).RootElement.GetProperty("id").GetString());
        Assert.Equal("", rest);
    }

    private void GradeInDatabase(string batchId, int position, string id) => factory.InDatabase(db => db.BatchItems
        .Where(i => i.BatchId == batchId && i.Position == position)
        .ExecuteUpdate(i => i.SetProperty(x => x.State, ItemState.Graded)
            .SetProperty(x => x.Result, Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}"))));

    [Fact]
    public async Task Followed_results_of_a_new_batch_hold_every_line_with_errors_in_place()
    {
        using var client = await factory.ClientForAsync("follow-live");
        var body = TestAnswers.JsonLines(30) + "{bad\n" + TestAnswers.Line("a-32", TestAnswers.Case, TestAnswers.Strong) + "\n";
        using var submitted = await client.PostAsync("/api/batches", TestAnswers.Ndjson(body));
        var id = (await submitted.JsonAsync()).GetProperty("batch").GetProperty("id").GetString()!;

        var csv = await client.GetStringAsync($"/api/batches/{id}/results?format=csv&follow=true");
        var jsonl = (await client.GetStringAsync($"/api/batches/{id}/results?follow=true")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(32, jsonl.Length);
        Assert.Equal([.. Enumerable.Range(1, 30).Select(i => $"a-{i}"), "31", "a-32"], jsonl.Select(l =>
            JsonDocument.Parse(l).RootElement.TryGetProperty("line", out var line) ? line.ToString() : JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Equal(33, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("id,", csv, StringComparison.Ordinal);
    }

    /// <summary>A batch stored but never handed to the worker: it stays queued until a test moves it on.</summary>
    private void AddQueuedBatch(string id, string organisation, params (int Position, string ItemId)[] items) => factory.InDatabase(db =>
    {
        db.Batches.Add(new Batch { Id = id, Organisation = organisation, InputFormat = "jsonl", Scorer = "local", RubricsJson = "[]", Total = items.Length });
        foreach (var (position, itemId) in items)
            db.BatchItems.Add(new BatchItem { BatchId = id, Position = position, ItemId = itemId, CaseId = TestAnswers.Case, Answer = "x" });
        return db.SaveChanges();
    });

    [Fact]
    public async Task Empty_batch_and_broken_array_are_400_problems()
    {
        using var client = await factory.ClientForAsync("batches");

        await (await client.PostAsync("/api/batches", TestAnswers.Ndjson("\n\n"))).ProblemAsync(HttpStatusCode.BadRequest);
        var broken = await (await client.PostAsync("/api/batches", new StringContent("[{\"id\":", Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("line 1", broken.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Other_content_type_is_415_problem()
    {
        using var client = await factory.ClientForAsync("batches");

        var problem = await (await client.PostAsync("/api/batches", new StringContent("id,case,answer", Encoding.UTF8, "text/csv")))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.StartsWith("Send the body with Content-Type application/x-ndjson or application/json; got 'text/csv",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_sent_as_a_json_array_are_400_pointing_at_ndjson()
    {
        using var client = await factory.ClientForAsync("batches");
        var lines = "{\"id\":\"a\",\"case\":\"news-feed\",\"answer\":\"x\"}\n{\"id\":\"b\",\"case\":\"news-feed\",\"answer\":\"y\"}\n";

        var problem = await (await client.PostAsync("/api/batches", new StringContent(lines, Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        var detail = problem.GetProperty("detail").GetString();
        Assert.StartsWith("The body is not a valid JSON array (line 2, column 1):", detail, StringComparison.Ordinal);
        Assert.Contains("application/x-ndjson", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_answers_is_413_problem()
    {
        using var client = await factory.ClientForAsync("batches");

        var problem = await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(51))))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 50", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Too_many_bytes_is_413_problem_with_or_without_a_declared_length()
    {
        using var client = await factory.ClientForAsync("batches");
        var body = TestAnswers.Line("big", TestAnswers.Case, new string('a', 250_000)) + "\n";
        using var unsized = new UnsizedContent(body);

        await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(body))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await client.PostAsync("/api/batches", unsized)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Another_organisations_batch_is_404_everywhere_and_not_listed()
    {
        using var owner = await factory.ClientForAsync("owner-org");
        using var stranger = await factory.ClientForAsync("stranger-org");
        var id = (await (await owner.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(2)))).JsonAsync())
            .GetProperty("batch").GetProperty("id").GetString()!;
        await owner.WaitForBatchAsync(id);

        await (await stranger.GetAsync($"/api/batches/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/batches/{id}/results")).ProblemAsync(HttpStatusCode.NotFound);
        var strangersList = await (await stranger.GetAsync("/api/batches")).JsonAsync();
        var ownersList = await (await owner.GetAsync("/api/batches")).JsonAsync();

        Assert.DoesNotContain(strangersList.EnumerateArray(), b => b.GetProperty("id").GetString() == id);
        Assert.Contains(ownersList.EnumerateArray(), b => b.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Batch_keeps_the_rubric_revision_it_was_submitted_with()
    {
        using var admin = await factory.ClientForAsync("revisions", Roles.Admin);
        await admin.PutAsync("/api/rubrics/team-feed", TestAnswers.Yaml(TestAnswers.RubricYaml("team-feed", "1")));
        var id = (await (await admin.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(2, "team-feed")))).JsonAsync())
            .GetProperty("batch").GetProperty("id").GetString()!;
        await admin.WaitForBatchAsync(id);

        await admin.PutAsync("/api/rubrics/team-feed", TestAnswers.Yaml(TestAnswers.RubricYaml("team-feed", "2")));
        var batch = await (await admin.GetAsync($"/api/batches/{id}")).JsonAsync();
        var results = await admin.GetStringAsync($"/api/batches/{id}/results");

        var rubric = Assert.Single(batch.GetProperty("rubrics").EnumerateArray());
        Assert.Equal("organisation", rubric.GetProperty("source").GetString());
        Assert.Equal(1, rubric.GetProperty("revision").GetInt32());
        Assert.All(results.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.Equal("1", JsonDocument.Parse(line).RootElement.GetProperty("rubricVersion").GetString()));
    }
}

/// <summary>A body sent without Content-Length, as a chunked upload would be.</summary>
internal sealed class UnsizedContent : HttpContent
{
    private readonly byte[] bytes;

    public UnsizedContent(string body)
    {
        bytes = Encoding.UTF8.GetBytes(body);
        Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
