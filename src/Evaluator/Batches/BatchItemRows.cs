using System.Runtime.InteropServices;
using Evaluator.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Evaluator.Batches;

/// <summary>
/// An item as stored and as the results endpoint sends it: its evaluation (UTF-8 JSON, an array of its own or a piece
/// of a <see cref="ResultArena"/>), or its error.
/// </summary>
public sealed record ResultRow(int Position, string? ItemId, string? CaseId, ItemState State, ReadOnlyMemory<byte>? Result, string? Error);

/// <summary>
/// The hot statements of a batch in plain SQLite: the two writes as one prepared statement reused for every row
/// (EF Core's change tracking costs more than the writes themselves at thousands of rows; callers own the
/// transaction), and the read of its results.
/// </summary>
public static class BatchItemRows
{
    /// <summary>
    /// The items after <paramref name="afterPosition"/> in position order, read as they are enumerated (the results
    /// endpoint sends each before reading the next).
    /// </summary>
    public static IEnumerable<ResultRow> ReadAfter(EvaluatorDb db, string batchId, int afterPosition)
    {
        db.Database.OpenConnection();
        try
        {
            using var select = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
            select.CommandText = """
                SELECT "Position", "ItemId", "CaseId", "State", "Result", "Error" FROM "BatchItems"
                WHERE "BatchId" = $batch AND "Position" > $after ORDER BY "Position"
                """;
            select.Parameters.AddWithValue("$batch", batchId);
            select.Parameters.AddWithValue("$after", afterPosition);
            using var reader = select.ExecuteReader();
            while (reader.Read())
                yield return new ResultRow(reader.GetInt32(0), NullableString(reader, 1), NullableString(reader, 2), (ItemState)reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : (ReadOnlyMemory<byte>?)reader.GetFieldValue<byte[]>(4), NullableString(reader, 5));
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Inserts the items inside the context's current transaction.</summary>
    internal static void Insert(EvaluatorDb db, IEnumerable<BatchItem> items)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Batch items are inserted inside the batch's transaction.");
        insert.CommandText = """
            INSERT INTO "BatchItems" ("BatchId", "Position", "ItemId", "CaseId", "Answer", "Revision", "State", "Error")
            VALUES ($batch, $position, $item, $case, $answer, $revision, $state, $error)
            """;
        var batch = insert.Parameters.Add("$batch", SqliteType.Text);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        var item = insert.Parameters.Add("$item", SqliteType.Text);
        var caseId = insert.Parameters.Add("$case", SqliteType.Text);
        var answer = insert.Parameters.Add("$answer", SqliteType.Text);
        var revision = insert.Parameters.Add("$revision", SqliteType.Integer);
        var state = insert.Parameters.Add("$state", SqliteType.Integer);
        var error = insert.Parameters.Add("$error", SqliteType.Text);
        insert.Prepare();
        foreach (var row in items)
        {
            batch.Value = row.BatchId;
            position.Value = row.Position;
            item.Value = (object?)row.ItemId ?? DBNull.Value;
            caseId.Value = (object?)row.CaseId ?? DBNull.Value;
            answer.Value = (object?)row.Answer ?? DBNull.Value;
            revision.Value = (object?)row.Revision ?? DBNull.Value;
            state.Value = (int)row.State;
            error.Value = (object?)row.Error ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Stores graded outcomes in one transaction, each only over a still-pending item (so never twice), and drops
    /// the item's answer: only a pending item needs it, and the result quotes what it was graded on. That keeps a
    /// candidate's text no longer than grading needs, and the database grows by the results alone.
    /// Returns the positions that were already done and kept their stored result.
    /// </summary>
    internal static List<int> Complete(SqliteConnection connection, string batchId, IEnumerable<ResultRow> outcomes)
    {
        var skipped = new List<int>();
        using var transaction = connection.BeginTransaction();
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE "BatchItems" SET "State" = $state, "Result" = $result, "Error" = $error, "GradedAt" = $at, "Answer" = NULL
            WHERE "BatchId" = $batch AND "Position" = $position AND "State" = $pending
            """;
        update.Parameters.AddWithValue("$batch", batchId);
        update.Parameters.AddWithValue("$pending", (int)ItemState.Pending);
        // The same text EF Core stores, so GradedAt reads back through the model unchanged.
        update.Parameters.AddWithValue("$at", DateTime.UtcNow);
        var position = update.Parameters.Add("$position", SqliteType.Integer);
        var state = update.Parameters.Add("$state", SqliteType.Integer);
        var result = update.Parameters.Add("$result", SqliteType.Blob);
        var error = update.Parameters.Add("$error", SqliteType.Text);
        update.Prepare();
        foreach (var outcome in outcomes)
        {
            position.Value = outcome.Position;
            state.Value = (int)outcome.State;
            result.Value = outcome.Result is { } bytes ? WholeArray(bytes) : (object)DBNull.Value;
            error.Value = (object?)outcome.Error ?? DBNull.Value;
            if (update.ExecuteNonQuery() == 0) skipped.Add(outcome.Position);
        }
        transaction.Commit();
        return skipped;
    }

    /// <summary>Microsoft.Data.Sqlite binds arrays only; a freshly graded result is one already, so nothing is copied.</summary>
    private static byte[] WholeArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();
}
