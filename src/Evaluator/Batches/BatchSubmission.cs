using System.Text.Json;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Organisations;
using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Batches;

/// <summary>A stored batch and the lines it could not take (already stored as failed items).</summary>
public sealed record SubmittedBatch(Batch Batch, IReadOnlyList<LineError> Rejected);

/// <summary>Reads a batch body against the organisation's cases, stores batch and items in one transaction, wakes the worker.</summary>
public sealed class BatchSubmission(EvaluatorDb db, OrganisationCases cases, RubricSet rubrics, IAnswerScorer scorer, PendingBatches pending)
{
    public const string JsonLines = "jsonl";
    public const string JsonArray = "json";

    /// <summary>Throws <see cref="BatchTooLargeException"/> or <see cref="BatchFormatException"/> for a body that cannot be taken.</summary>
    public async Task<SubmittedBatch> SubmitAsync(string organisation, string inputFormat, ReadOnlyMemory<byte> body, int maxItems,
        CancellationToken cancellationToken = default)
    {
        var visible = (await cases.ListAsync(organisation, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Rubric.Id);
        var caseSet = new RubricSet(rubrics.Framework, [.. visible.Values.Select(c => c.Rubric)]);
        var lines = inputFormat == JsonLines
            ? BatchBody.ReadJsonLines(body, caseSet, maxItems)
            : BatchBody.ReadJsonArray(body, caseSet, maxItems);
        if (lines.Count == 0) throw new BatchFormatException("The batch holds no answers.");

        var batch = new Batch
        {
            Id = "b_" + Guid.CreateVersion7().ToString("N"),
            Organisation = organisation,
            InputFormat = inputFormat,
            Scorer = scorer.Name,
            Total = lines.Count,
            CreatedAt = DateTime.UtcNow,
            RubricsJson = JsonSerializer.Serialize(
                lines.OfType<AnswerLine>().Select(l => l.Rubric.Id).Distinct().Order(StringComparer.Ordinal)
                    .Select(id => visible[id])
                    .Select(c => new RubricUse(c.Rubric.Id, c.Source, c.Revision, c.Rubric.Version)).ToList(),
                EvaluatorJson.Options),
        };
        List<BatchItem> items = [.. lines.Select(line => line switch
        {
            AnswerLine answer => new BatchItem
            {
                BatchId = batch.Id, Position = answer.Line, ItemId = answer.Id, CaseId = answer.Rubric.Id, Answer = answer.Answer,
                Revision = visible[answer.Rubric.Id].Revision, State = ItemState.Pending,
            },
            LineError error => new BatchItem
            {
                BatchId = batch.Id, Position = error.Line, ItemId = error.Id, State = ItemState.Failed, Error = error.Error,
            },
            _ => throw new InvalidOperationException($"Unexpected batch line {line.GetType().Name}."),
        })];
        // The worker starts grading now; it writes results only once the batch is stored, and drops them if it never is.
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handedOver = pending.TryHandOver(batch.Id, new BatchHandover(
            [.. items.Where(i => i.State == ItemState.Pending).Select(i => new BatchWork(i.Position, i.ItemId!, i.CaseId!, i.Answer!, i.Revision))],
            visible.Values.ToDictionary(c => (c.Rubric.Id, c.Revision), c => (CaseRubric?)c.Rubric),
            batch.Scorer,
            [.. items.Where(i => i.State == ItemState.Failed).Select(i => new ResultRow(i.Position, i.ItemId, i.CaseId, i.State, null, i.Error))],
            stored.Task));
        try
        {
            // Batch and items commit together: a batch is never seen half stored.
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                db.Batches.Add(batch);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                BatchItemRows.Insert(db, items);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            stored.TrySetResult(false);
            // Whether the commit went through before the failure is not known here: the worker looks, and skips a
            // batch that is not in the database.
            pending.Enqueue(batch.Id);
            throw;
        }
        stored.TrySetResult(true);
        if (!handedOver) pending.Enqueue(batch.Id);
        return new(batch, [.. lines.OfType<LineError>()]);
    }
}
