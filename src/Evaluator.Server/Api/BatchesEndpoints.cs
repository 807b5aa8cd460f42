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
        group.MapGet("/", ListAsync).WithSummary("The organisation's most recent batches, newest first.");
        group.MapGet("/{id}", GetAsync).WithName("GetBatch").WithSummary("Status, counts and progress of a batch.");
        group.MapGet("/{id}/results", ResultsAsync)
            .WithSummary("The results, streamed: JSON lines (default) or CSV, by ?format=jsonl|csv or the Accept header.")
            .Produces(StatusCodes.Status200OK, contentType: ResultRows.JsonLinesMediaType, additionalContentTypes: [ResultRows.CsvMediaType]);
        return api;
    }

    private static async Task<Results<AcceptedAtRoute<BatchAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, BatchSubmission submission, EvaluatorDb db, IOptions<BatchOptions> options, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var jsonLines = JsonLinesTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
        if (!jsonLines && !string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(
                $"Send the answers as application/x-ndjson (one JSON object per line) or application/json (an array); got '{http.Request.ContentType}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");

        IReadOnlyList<BatchInputLine> lines;
        try
        {
            var body = await BatchInputReader.ReadBodyAsync(http.Request.Body, options.Value.MaxBytes, cancellationToken).ConfigureAwait(false);
            lines = jsonLines
                ? BatchInputReader.ReadJsonLines(body, options.Value.MaxItems)
                : BatchInputReader.ReadJsonArray(body, options.Value.MaxItems);
        }
        catch (BatchTooLargeException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large");
        }
        catch (BatchFormatException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid batch");
        }
        if (lines.Count == 0)
            return TypedResults.Problem("The batch holds no answers.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid batch");

        var batch = await submission.SubmitAsync(http.User.RequiredOrganisation(), jsonLines ? "jsonl" : "json", lines, cancellationToken)
            .ConfigureAwait(false);
        var rejected = await db.BatchItems.AsNoTracking()
            .Where(i => i.BatchId == batch.Id && i.State == ItemState.Failed)
            .OrderBy(i => i.Position).Take(100)
            .Select(i => new { i.Position, i.ItemId, i.Error })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var view = await ViewAsync(db, batch, cancellationToken).ConfigureAwait(false);
        return TypedResults.AcceptedAtRoute(
            new BatchAccepted(view, [.. rejected.Select(r => new ItemError(jsonLines ? r.Position : null, jsonLines ? null : r.Position, r.ItemId, r.Error!))]),
            "GetBatch", new { id = batch.Id });
    }

    private static async Task<Ok<List<BatchView>>> ListAsync(HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        var organisation = http.User.RequiredOrganisation();
        var batches = await db.Batches.AsNoTracking().Where(b => b.Organisation == organisation)
            .OrderByDescending(b => b.CreatedAt).Take(100).ToListAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<BatchView>(batches.Count);
        foreach (var batch in batches) views.Add(await ViewAsync(db, batch, cancellationToken).ConfigureAwait(false));
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<BatchView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        var batch = await FindAsync(db, http, id, cancellationToken).ConfigureAwait(false);
        return batch is null ? NotFound(id) : TypedResults.Ok(await ViewAsync(db, batch, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ResultsAsync(
        string id, string? format, HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
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
        if (batch.State != BatchState.Completed)
        {
            var counts = await BatchCounts.CountAsync(db, batch, cancellationToken).ConfigureAwait(false);
            return TypedResults.Problem(
                $"Batch {id} is still {Status(batch.State)}: {counts.Graded + counts.Failed} of {counts.Total} done. Poll GET /api/batches/{id} until it is completed.",
                statusCode: StatusCodes.Status409Conflict, title: "Batch not completed");
        }
        var positionName = batch.InputFormat == "jsonl" ? "line" : "index";
        return TypedResults.Stream(
            stream => WriteResultsAsync(stream, db, batch.Id, positionName, csv.Value, http.RequestAborted),
            csv.Value ? ResultRows.CsvMediaType + "; charset=utf-8" : ResultRows.JsonLinesMediaType,
            $"{batch.Id}.{(csv.Value ? "csv" : "jsonl")}");
    }

    /// <summary>Rows go out as they are read from the database; the whole result set is never in memory.</summary>
    private static async Task WriteResultsAsync(Stream stream, EvaluatorDb db, string batchId, string positionName, bool csv,
        CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024);
        await using (writer.ConfigureAwait(false))
        {
            writer.NewLine = "\n";
            if (csv) await writer.WriteLineAsync(ResultRows.CsvHeader(positionName)).ConfigureAwait(false);
            var items = db.BatchItems.AsNoTracking()
                .Where(i => i.BatchId == batchId)
                .OrderBy(i => i.Position)
                .Select(i => new { i.Position, i.ItemId, i.CaseId, i.State, i.ResultJson, i.Error })
                .AsAsyncEnumerable();
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var graded = item.State == ItemState.Graded;
                if (!csv && graded)
                {
                    await writer.WriteLineAsync(item.ResultJson).ConfigureAwait(false);
                    continue;
                }
                var evaluation = graded ? JsonSerializer.Deserialize<Evaluation>(item.ResultJson!, EvaluatorJson.Options) : null;
                var row = new ResultRow(positionName, item.Position, item.ItemId, item.CaseId, evaluation, item.Error);
                await writer.WriteLineAsync(csv ? ResultRows.CsvLine(row) : ResultRows.ErrorJsonLine(row)).ConfigureAwait(false);
            }
        }
    }

    private static bool PrefersCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.MediaType.Value)
            .FirstOrDefault(m => m is ResultRows.CsvMediaType or ResultRows.JsonLinesMediaType) == ResultRows.CsvMediaType;

    private static Task<Batch?> FindAsync(EvaluatorDb db, HttpContext http, string id, CancellationToken cancellationToken)
    {
        // Another organisation's batch is indistinguishable from a missing one.
        var organisation = http.User.RequiredOrganisation();
        return db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.Organisation == organisation, cancellationToken);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No batch '{id}' in your organisation.", statusCode: StatusCodes.Status404NotFound, title: "Batch not found");

    private static string Status(BatchState state) => state.ToString().ToLowerInvariant();

    private static async Task<BatchView> ViewAsync(EvaluatorDb db, Batch batch, CancellationToken cancellationToken)
    {
        var counts = await BatchCounts.CountAsync(db, batch, cancellationToken).ConfigureAwait(false);
        return new BatchView(batch.Id, Status(batch.State), batch.InputFormat, batch.Scorer, counts, counts.Progress,
            JsonSerializer.Deserialize<List<RubricUse>>(batch.RubricsJson, EvaluatorJson.Options) ?? [],
            batch.CreatedAt, batch.StartedAt, batch.CompletedAt,
            new WebhookDelivery(batch.WebhookAttempts, batch.WebhookDeliveredAt, batch.WebhookPending),
            $"/api/batches/{batch.Id}/results");
    }
}
