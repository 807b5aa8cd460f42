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

    /// <summary>
    /// Throws <see cref="BatchTooLargeException"/> or <see cref="BatchFormatException"/> for a body that cannot be taken.
    /// JSON lines are split first and handed to the worker as each is parsed, so grading starts with the first answer;
    /// a JSON array is parsed as a whole, then handed over.
    /// </summary>
    public async Task<SubmittedBatch> SubmitAsync(string organisation, string inputFormat, ReadOnlyMemory<byte> body, int maxItems,
        CancellationToken cancellationToken = default)
    {
        var visible = (await cases.ListAsync(organisation, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Rubric.Id);
        var caseSet = new RubricSet(rubrics.Framework, [.. visible.Values.Select(c => c.Rubric)]);
        var jsonLines = inputFormat == JsonLines;
        var split = jsonLines ? BatchBody.SplitJsonLines(body, maxItems) : null;
        var array = jsonLines ? null : BatchBody.ReadJsonArray(body, caseSet, maxItems);
        int[] positions = jsonLines ? [.. split!.Select(l => l.Number)] : [.. array!.Select(l => l.Line)];
        if (positions.Length == 0) throw new BatchFormatException("The batch holds no answers.");

        var batch = new Batch
        {
            Id = "b_" + Guid.CreateVersion7().ToString("N"),
            Organisation = organisation,
            InputFormat = inputFormat,
            Scorer = scorer.Name,
            Total = positions.Length,
            CreatedAt = DateTime.UtcNow,
            RubricsJson = "[]", // the rubrics the answers use, once they are read
        };
        // The worker starts grading now; it writes results only once the batch is stored, and drops them if it never is.
        var work = new GradingWork(positions.Length);
        var rejected = new List<ResultRow>();
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handedOver = pending.TryHandOver(batch.Id, new BatchHandover(
            work, positions, visible.Values.ToDictionary(c => (c.Rubric.Id, c.Revision), c => (CaseRubric?)c.Rubric), batch.Scorer,
            rejected, stored.Task));
        var lines = new List<BatchLine>(positions.Length);
        try
        {
            var items = new List<BatchItem>(positions.Length);
            for (var i = 0; i < positions.Length; i++)
            {
                var line = jsonLines ? BatchReader.Parse(split![i].Number, split[i].Bytes, caseSet) : array![i];
                var item = Item(batch.Id, line, visible);
                lines.Add(line);
                items.Add(item);
                if (item.State == ItemState.Pending) work.Add(new BatchWork(item.Position, item.ItemId!, item.CaseId!, item.Answer!, item.Revision));
                else rejected.Add(new ResultRow(item.Position, item.ItemId, item.CaseId, item.State, null, item.Error));
            }
            work.Complete();
            batch.RubricsJson = JsonSerializer.Serialize(
                lines.OfType<AnswerLine>().Select(l => l.Rubric.Id).Distinct().Order(StringComparer.Ordinal)
                    .Select(id => visible[id])
                    .Select(c => new RubricUse(c.Rubric.Id, c.Source, c.Revision, c.Rubric.Version)).ToList(),
                EvaluatorJson.Options);
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
            work.Complete();
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

    private static BatchItem Item(string batchId, BatchLine line, Dictionary<string, ResolvedCase> visible) => line switch
    {
        AnswerLine answer => new BatchItem
        {
            BatchId = batchId, Position = answer.Line, ItemId = answer.Id, CaseId = answer.Rubric.Id, Answer = answer.Answer,
            Revision = visible[answer.Rubric.Id].Revision, State = ItemState.Pending,
        },
        LineError error => new BatchItem
        {
            BatchId = batchId, Position = error.Line, ItemId = error.Id, State = ItemState.Failed, Error = error.Error,
        },
        _ => throw new InvalidOperationException($"Unexpected batch line {line.GetType().Name}."),
    };
}
