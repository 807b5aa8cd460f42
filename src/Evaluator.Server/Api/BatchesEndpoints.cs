using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Reports;
using Evaluator.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Evaluator.Server.Api;

public static class BatchesEndpoints
{
    public sealed record WebhookDelivery(int Attempts, DateTime? DeliveredAt, bool Pending);

    public sealed record BatchView(
        string Id, string Status, string InputFormat, string Scorer, BatchCounts Counts, double Progress,
        IReadOnlyList<RubricUse> Rubrics, DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt,
        WebhookDelivery Webhook, string Results);

    /// <summary>An answer that could not be accepted; Line for JSON lines (from 1), Index for a JSON array (from 0).</summary>
    public sealed record ItemError(int? Line, int? Index, string? Id, string Error);

    public sealed record BatchAccepted(BatchView Batch, IReadOnlyList<ItemError> Rejected);

    /// <summary>The error record of a JSON array item, numbered by its index.</summary>
    public sealed record IndexError(int Index, string? Id, string Error);

    public const string JsonLinesMediaType = "application/x-ndjson";
    public const string CsvMediaType = "text/csv";

    /// <summary>Longest ?wait= on a batch's status, in seconds.</summary>
    public const int MaxWaitSeconds = 60;

    private static readonly string[] JsonLinesTypes =
        ["application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"];

    public static RouteGroupBuilder MapBatches(this RouteGroupBuilder api, BatchOptions options)
    {
        var group = api.MapGroup("/batches").WithTags("Batches").RequireAuthorization(ApiPolicies.Coach);
        group.MapPost("/", SubmitAsync)
            .WithSummary("Queues answers for grading: JSON lines (application/x-ndjson) or a JSON array; 202 with the batch id.")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBytes))
            .Accepts<string>(JsonLinesTypes[0], "application/json")
            .DisableAntiforgery();
        group.MapGet("/", ListAsync).WithSummary(
            "The organisation's batches, newest first: ?limit= (default 100, at most 500); a Link header (rel=\"next\") gives the next page.");
        group.MapGet("/{id}", GetAsync).WithName("GetBatch")
            .WithSummary("Status, counts and progress of a batch; ?wait=n (seconds, at most 60) answers as soon as it completes.");
        group.MapGet("/{id}/results", ResultsAsync)
            .WithSummary("The results, streamed: JSON lines (default) or CSV, by ?format=jsonl|csv or the Accept header; " +
                "?follow=true streams them while the batch runs, in order, and ends when it completes.")
            .Produces(StatusCodes.Status200OK, contentType: JsonLinesMediaType, additionalContentTypes: [CsvMediaType]);
        return api;
    }

    private static async Task<Results<AcceptedAtRoute<BatchAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, BatchSubmission submission, IOptions<BatchOptions> options, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var jsonLines = JsonLinesTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
        if (!jsonLines && !string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(
                $"Send the answers as application/x-ndjson (one JSON object per line) or application/json (an array); got '{http.Request.ContentType}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");

        SubmittedBatch submitted;
        try
        {
            // Parsing copies what it keeps, so the buffer goes back to the pool once the batch is stored.
            using var body = await BatchBody.ReadAsync(http.Request.Body, options.Value.MaxBytes, http.Request.ContentLength, cancellationToken)
                .ConfigureAwait(false);
            submitted = await submission.SubmitAsync(http.User.RequiredOrganisation(),
                jsonLines ? BatchSubmission.JsonLines : BatchSubmission.JsonArray, body.Bytes, options.Value.MaxItems, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (BatchTooLargeException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large");
        }
        catch (BatchFormatException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid batch");
        }
        // Counted as of the commit, from what was just stored: no need to read it back.
        var (batch, rejected) = (submitted.Batch, submitted.Rejected);
        var view = View(new CountedBatch(batch, 0, rejected.Count));
        return TypedResults.AcceptedAtRoute(
            new BatchAccepted(view, [.. rejected.Take(100).Select(r => new ItemError(jsonLines ? r.Line : null, jsonLines ? null : r.Line, r.Id, r.Error))]),
            "GetBatch", new { id = batch.Id });
    }

    private static async Task<Results<Ok<List<BatchView>>, ProblemHttpResult>> ListAsync(
        int? limit, string? before, HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        if (ListPage.Read(limit, before, defaultLimit: 100, out var page) is { } invalid) return invalid;
        var organisation = http.User.RequiredOrganisation();
        var batches = db.Batches.AsNoTracking().Where(b => b.Organisation == organisation);
        if (page.Before is { } last)
        {
            var from = await batches.Where(b => b.Id == last).Select(b => (DateTime?)b.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (from is null) return page.UnknownBefore("batch");
            // Translated to SQL, where TEXT compares byte by byte (ordinal), as ThenByDescending(Id) orders.
            batches = batches.Where(b => b.CreatedAt < from || (b.CreatedAt == from && b.Id.CompareTo(last) < 0));
        }
        var fetched = await BatchCounts.WithCounts(db, batches.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Take(page.Limit + 1)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(page.Finish(http, fetched.Select(View).ToList(), b => b.Id));
    }

    /// <summary>
    /// The batch's status. With ?wait=n (seconds, at most <see cref="MaxWaitSeconds"/>) a batch that is not completed
    /// yet is answered when it completes or after n seconds, whichever comes first: a client waits without polling.
    /// </summary>
    private static async Task<Results<Ok<BatchView>, ProblemHttpResult>> GetAsync(
        string id, int? wait, HttpContext http, EvaluatorDb db, BatchCompletions completions, CancellationToken cancellationToken)
    {
        var organisation = http.User.RequiredOrganisation();
        var deadline = DateTime.UtcNow.AddSeconds(Math.Clamp(wait ?? 0, 0, MaxWaitSeconds));
        while (true)
        {
            // Taken before the read, so a completion between the read and the wait still wakes this request.
            var completed = completions.Next;
            // Another organisation's batch is indistinguishable from a missing one.
            var batch = await BatchCounts.WithCounts(db, db.Batches.AsNoTracking().Where(b => b.Id == id && b.Organisation == organisation))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (batch is null) return NotFound(id);
            var left = deadline - DateTime.UtcNow;
            if (batch.Batch.State == BatchState.Completed || left <= TimeSpan.Zero) return TypedResults.Ok(View(batch));
            try
            {
                await completed.WaitAsync(left, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Answered below with the state as of now.
            }
        }
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ResultsAsync(
        string id, string? format, bool? follow, HttpContext http, EvaluatorDb db, BatchCompletions completions,
        ResultsInMemory resultsInMemory, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var batch = await FindAsync(db, http, id, cancellationToken).ConfigureAwait(false);
        if (batch is null) return NotFound(id);
        var csv = format?.ToUpperInvariant() switch
        {
            "CSV" => true,
            "JSONL" or "NDJSON" => false,
            null or "" => PrefersCsv(http.Request),
            _ => (bool?)null,
        };
        if (csv is null)
            return TypedResults.Problem($"Unknown format '{format}'; use jsonl or csv.", statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid request", extensions: new Dictionary<string, object?> { ["path"] = "format" });
        if (batch.State != BatchState.Completed && follow != true)
        {
            var counts = await BatchCounts.CountAsync(db, batch, cancellationToken).ConfigureAwait(false);
            return TypedResults.Problem(
                $"Batch {id} is still {Status(batch.State)}: {counts.Graded + counts.Failed} of {counts.Total} done. Poll GET /api/batches/{id} until it is completed, or add ?follow=true to receive results as they are graded.",
                statusCode: StatusCodes.Status409Conflict, title: "Batch not completed");
        }
        return TypedResults.Stream(
            async stream =>
            {
                // A followed stream is cut when the server stops (the client sees an incomplete response), so it
                // does not hold shutdown while the worker is still committing.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
                await WriteResultsAsync(http.Response.BodyWriter, db, completions, resultsInMemory, batch, csv.Value, stop.Token)
                    .ConfigureAwait(false);
            },
            csv.Value ? CsvMediaType + "; charset=utf-8" : JsonLinesMediaType,
            $"{batch.Id}.{(csv.Value ? "csv" : "jsonl")}");
    }

    /// <summary>
    /// Rows go out in position order: those the worker holds in memory for a batch it grades, until its first download
    /// (<see cref="ResultsInMemory"/>), else read one at a time from the database, never loaded as a whole.
    /// Rows are the CLI's: the evaluation or an error record per line, or EvaluationCsv rows. While the batch runs
    /// (?follow=true), each pass sends what is done up to the first pending item, then waits for the worker's next commit;
    /// rows held in memory stop being filled if the worker stops, and the stream goes on from the database.
    /// Rows from the database are read with a plain SQLite reader and written straight into the response's pipe, sent every
    /// <see cref="FlushBytes"/>: through EF Core's async enumerator and a buffered stream, 1,000 results (5.4 MB) took
    /// 10 ms to download on a 2-core machine where the same bytes from memory took 2.4 ms; this way 8 ms.
    /// </summary>
    private static async Task WriteResultsAsync(PipeWriter response, EvaluatorDb db, BatchCompletions completions, ResultsInMemory resultsInMemory,
        Batch batch, bool csv, CancellationToken cancellationToken)
    {
        // EvaluationCsv writes text; a text row goes to memory first, then into the pipe as UTF-8.
        using var row = new StringWriter();
        if (csv) EvaluationCsv.WriteHeader(row);
        var sent = int.MinValue;
        var completed = batch.State == BatchState.Completed;
        // Its bytes stay ours until released, also when the client goes away.
        HeldResults? held = null;
        try
        {
            while (true)
            {
                // Taken before reading: a commit or completion during the read still wakes the wait below.
                var committed = completions.NextCommit;
                if (held is { Abandoned: true })
                {
                    held.Release();
                    held = null;
                }
                held ??= resultsInMemory.Open(batch.Id);
                // Read before the rows: a batch completed by then has no pending item left.
                completed = completed || (held is not null
                    ? held.Completed
                    : await db.Batches.AsNoTracking().AnyAsync(b => b.Id == batch.Id && b.State == BatchState.Completed, cancellationToken)
                        .ConfigureAwait(false));
                foreach (var item in held is not null ? held.After(sent) : BatchItemRows.ReadAfter(db, batch.Id, sent))
                {
                    if (item.State == ItemState.Pending) break;
                    WriteRow(response, row, batch, item, csv);
                    sent = item.Position;
                    if (response.UnflushedBytes >= FlushBytes) await response.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                WriteText(response, row);
                await response.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (completed)
                {
                    // The first download takes what was held: later ones read the database.
                    if (held is not null) resultsInMemory.Downloaded(batch.Id);
                    return;
                }
                try
                {
                    await committed.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Read again anyway: a second without a commit is a slow answer, or a batch still queued.
                }
            }
        }
        finally
        {
            held?.Release();
        }
    }

    /// <summary>How much is written into the response's pipe before it is sent (and the writer waits for a slow client).</summary>
    private const int FlushBytes = 64 * 1024;

    private static void WriteRow(PipeWriter response, StringWriter row, Batch batch, ResultRow item, bool csv)
    {
        var jsonLines = batch.InputFormat == BatchSubmission.JsonLines;
        var graded = item.State == ItemState.Graded;
        if (!csv && graded)
        {
            // The stored evaluation is already the JSON line in UTF-8: no decoding, no re-serialisation.
            response.Write(item.Result!.Value.Span);
            response.Write("\n"u8);
            return;
        }
        if (csv && graded)
            EvaluationCsv.WriteEvaluation(row, JsonSerializer.Deserialize<Evaluation>(item.Result!.Value.Span, EvaluatorJson.Options)!);
        else if (csv)
            EvaluationCsv.WriteError(row, item.ItemId, item.CaseId, $"{(jsonLines ? "line" : "index")} {item.Position}: {item.Error}");
        else
            row.Write((jsonLines
                ? JsonSerializer.Serialize(new LineError(item.Position, item.ItemId, item.Error!), EvaluatorJson.Options)
                : JsonSerializer.Serialize(new IndexError(item.Position, item.ItemId, item.Error!), EvaluatorJson.Options)) + "\n");
        WriteText(response, row);
    }

    private static void WriteText(PipeWriter response, StringWriter row)
    {
        var text = row.GetStringBuilder();
        if (text.Length == 0) return;
        Encoding.UTF8.GetBytes(text.ToString(), response);
        text.Clear();
    }

    private static bool PrefersCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.MediaType.Value)
            .FirstOrDefault(m => m is CsvMediaType or JsonLinesMediaType) == CsvMediaType;

    private static Task<Batch?> FindAsync(EvaluatorDb db, HttpContext http, string id, CancellationToken cancellationToken)
    {
        // Another organisation's batch is indistinguishable from a missing one.
        var organisation = http.User.RequiredOrganisation();
        return db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.Organisation == organisation, cancellationToken);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No batch '{id}' in your organisation.", statusCode: StatusCodes.Status404NotFound, title: "Batch not found");

    private static string Status(BatchState state) => state.ToString().ToLowerInvariant();

    private static BatchView View(CountedBatch counted)
    {
        var (batch, counts) = (counted.Batch, counted.Counts);
        return new BatchView(batch.Id, Status(batch.State), batch.InputFormat, batch.Scorer, counts, counts.Progress,
            JsonSerializer.Deserialize<List<RubricUse>>(batch.RubricsJson, EvaluatorJson.Options) ?? [],
            batch.CreatedAt, batch.StartedAt, batch.CompletedAt,
            new WebhookDelivery(batch.WebhookAttempts, batch.WebhookDeliveredAt, batch.WebhookPending),
            $"/api/batches/{batch.Id}/results");
    }
}
