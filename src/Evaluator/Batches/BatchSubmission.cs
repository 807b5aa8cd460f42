using System.Text.Json;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Organisations;
using Evaluator.Scoring;

namespace Evaluator.Batches;

/// <summary>Stores a batch and its items in one transaction, then wakes the worker.</summary>
public sealed class BatchSubmission(EvaluatorDb db, OrganisationCases cases, IAnswerScorer scorer, PendingBatches queue)
{
    public async Task<Batch> SubmitAsync(string organisation, string inputFormat, IReadOnlyList<BatchInputLine> lines,
        CancellationToken cancellationToken = default)
    {
        var resolved = new Dictionary<string, ResolvedCase?>(StringComparer.Ordinal);
        foreach (var caseId in lines.Where(l => l.Error is null).Select(l => l.Case!).Distinct(StringComparer.Ordinal))
            resolved[caseId] = await cases.FindAsync(organisation, caseId, cancellationToken).ConfigureAwait(false);

        var batch = new Batch
        {
            Id = "b_" + Guid.CreateVersion7().ToString("N"),
            Organisation = organisation,
            InputFormat = inputFormat,
            Scorer = scorer.Name,
            Total = lines.Count,
            CreatedAt = DateTime.UtcNow,
            RubricsJson = JsonSerializer.Serialize(
                resolved.Values.OfType<ResolvedCase>()
                    .Select(c => new RubricUse(c.Rubric.Id, c.Source, c.Revision, c.Rubric.Version))
                    .OrderBy(u => u.Case, StringComparer.Ordinal).ToList(),
                EvaluatorJson.Options),
        };
        var knownCases = resolved.ContainsValue(null)
            ? string.Join(", ", (await cases.ListAsync(organisation, cancellationToken).ConfigureAwait(false)).Select(c => c.Rubric.Id))
            : "";
        var items = lines.Select(line =>
        {
            var item = new BatchItem
            {
                BatchId = batch.Id, Position = line.Position, ItemId = line.Id, CaseId = line.Case, Answer = line.Answer,
                State = ItemState.Failed, Error = line.Error,
            };
            if (line.Error is not null) return item;
            if (resolved[line.Case!] is not { } rubric)
            {
                item.Error = $"unknown case '{line.Case}'. Known cases: {knownCases}.";
                return item;
            }
            item.State = ItemState.Pending;
            item.Revision = rubric.Revision;
            return item;
        }).ToList();

        db.Batches.Add(batch);
        db.BatchItems.AddRange(items);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        queue.Enqueue(batch.Id);
        return batch;
    }
}
