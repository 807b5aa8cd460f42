using System.Text.Json;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Organisations;
using Evaluator.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Batches;

/// <summary>What is left of a stored batch: answers to grade, and lines that can no longer be graded.</summary>
internal sealed record StoredWork(BatchWork[] Answers, IReadOnlyList<ResultRow> Failed);

/// <summary>
/// Reads back the answers of a stored batch that have no result yet, for a worker that picks the batch up again (after
/// a restart or a failed write): the lines of its <see cref="BatchAnswers"/> without an item row, read with the rubric
/// revisions the batch was submitted with, and pending rows that an earlier version stored with their answers.
/// </summary>
internal static class StoredAnswers
{
    public static async Task<StoredWork> ReadAsync(EvaluatorDb db, OrganisationCases cases, Framework framework, Batch batch,
        CancellationToken cancellationToken)
    {
        var answers = await db.BatchItems.AsNoTracking()
            .Where(i => i.BatchId == batch.Id && i.State == ItemState.Pending)
            .Select(i => new BatchWork(i.Position, i.ItemId!, i.CaseId!, i.Answer!, i.Revision))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var failed = new List<ResultRow>();
        var body = await db.BatchAnswers.AsNoTracking().Where(i => i.BatchId == batch.Id).Select(i => i.Body)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (body is not null)
        {
            var stored = (await db.BatchItems.AsNoTracking().Where(i => i.BatchId == batch.Id).Select(i => i.Position)
                .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
            var (caseSet, revisions) = await SubmittedRubricsAsync(cases, framework, batch, cancellationToken).ConfigureAwait(false);
            IEnumerable<BatchLine> lines = batch.InputFormat == BatchSubmission.JsonLines
                ? BatchBody.SplitJsonLines(body, int.MaxValue).Where(l => !stored.Contains(l.Number)).Select(l => BatchReader.Parse(l.Number, l.Bytes, caseSet))
                : BatchBody.ReadJsonArray(body, caseSet, int.MaxValue).Where(l => !stored.Contains(l.Line));
            foreach (var line in lines)
            {
                if (line is AnswerLine answer) answers.Add(new BatchWork(answer.Line, answer.Id, answer.Rubric.Id, answer.Answer, revisions[answer.Rubric.Id]));
                // A case whose rubric is gone since the batch was submitted.
                else if (line is LineError error) failed.Add(new ResultRow(error.Line, error.Id, null, ItemState.Failed, null, error.Error));
            }
        }
        return new([.. answers.OrderBy(a => a.Position)], failed);
    }

    /// <summary>The cases the batch's answers use, each with the rubric revision it was submitted with (<see cref="RubricUse"/>).</summary>
    private static async Task<(RubricSet Cases, Dictionary<string, int?> Revisions)> SubmittedRubricsAsync(
        OrganisationCases cases, Framework framework, Batch batch, CancellationToken cancellationToken)
    {
        var found = new List<CaseRubric>();
        var revisions = new Dictionary<string, int?>();
        foreach (var use in JsonSerializer.Deserialize<List<RubricUse>>(batch.RubricsJson, EvaluatorJson.Options) ?? [])
        {
            if (await cases.GetAsync(batch.Organisation, use.Case, use.Revision, cancellationToken).ConfigureAwait(false) is not { } rubric) continue;
            found.Add(rubric);
            revisions[use.Case] = use.Revision;
        }
        return (new RubricSet(framework, found), revisions);
    }
}
