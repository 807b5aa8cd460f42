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
/// The hot statements of a batch in plain SQLite: the writes as one prepared statement reused for every row
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

    /// <summary>
    /// Stores the answers still to grade inside the context's current transaction: the body written into a blob of its
    /// size (SQLite's incremental blob I/O), so the pooled request buffer is not copied into a fresh megabytes-long array.
    /// </summary>
    internal static void InsertAnswers(EvaluatorDb db, string batchId, ReadOnlyMemory<byte> body, IReadOnlyList<int> positions)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var insert = connection.CreateCommand();
        insert.Transaction = BatchTransaction(db);
        insert.CommandText = """
            INSERT INTO "BatchAnswers" ("BatchId", "Body", "Positions") VALUES ($batch, zeroblob($length), $positions);
            SELECT last_insert_rowid();
            """;
        insert.Parameters.AddWithValue("$batch", batchId);
        insert.Parameters.AddWithValue("$length", body.Length);
        insert.Parameters.AddWithValue("$positions", BatchAnswers.EncodePositions(positions));
        var row = (long)insert.ExecuteScalar()!;
        using var blob = new SqliteBlob(connection, "BatchAnswers", "Body", row);
        if (MemoryMarshal.TryGetArray(body, out var segment)) blob.Write(segment.Array!, segment.Offset, segment.Count);
        else blob.Write(body.Span);
    }

    private static SqliteTransaction BatchTransaction(EvaluatorDb db) =>
        (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("A batch's rows are inserted inside the batch's transaction.");

    /// <summary>Inserts the lines a submission could not take, as failed items, inside the context's current transaction.</summary>
    internal static void InsertRejected(EvaluatorDb db, string batchId, IEnumerable<ResultRow> rows)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var insert = connection.CreateCommand();
        insert.Transaction = BatchTransaction(db);
        insert.CommandText = """
            INSERT INTO "BatchItems" ("BatchId", "Position", "ItemId", "CaseId", "State", "Error")
            VALUES ($batch, $position, $item, $case, $state, $error)
            """;
        insert.Parameters.AddWithValue("$batch", batchId);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        var item = insert.Parameters.Add("$item", SqliteType.Text);
        var caseId = insert.Parameters.Add("$case", SqliteType.Text);
        var state = insert.Parameters.Add("$state", SqliteType.Integer);
        var error = insert.Parameters.Add("$error", SqliteType.Text);
        insert.Prepare();
        foreach (var row in rows)
        {
            position.Value = row.Position;
            item.Value = (object?)row.ItemId ?? DBNull.Value;
            caseId.Value = (object?)row.CaseId ?? DBNull.Value;
            state.Value = (int)row.State;
            error.Value = (object?)row.Error ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Stores graded outcomes in one transaction, each as a new item row or over a still-pending one (stored by an
    /// earlier version with its answer, which is dropped), never over a done one: so an item is stored once.
    /// Returns the positions that were already done and kept their stored result.
    /// </summary>
    internal static List<int> Complete(SqliteConnection connection, string batchId, IEnumerable<ResultRow> outcomes)
    {
        var skipped = new List<int>();
        using var transaction = connection.BeginTransaction();
        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO "BatchItems" ("BatchId", "Position", "ItemId", "CaseId", "State", "Result", "Error", "GradedAt")
            VALUES ($batch, $position, $item, $case, $state, $result, $error, $at)
            ON CONFLICT ("BatchId", "Position") DO UPDATE SET "State" = excluded."State", "Result" = excluded."Result",
                "Error" = excluded."Error", "GradedAt" = excluded."GradedAt", "Answer" = NULL
            WHERE "BatchItems"."State" = $pending
            """;
        upsert.Parameters.AddWithValue("$batch", batchId);
        upsert.Parameters.AddWithValue("$pending", (int)ItemState.Pending);
        // The same text EF Core stores, so GradedAt reads back through the model unchanged.
        upsert.Parameters.AddWithValue("$at", DateTime.UtcNow);
        var position = upsert.Parameters.Add("$position", SqliteType.Integer);
        var state = upsert.Parameters.Add("$state", SqliteType.Integer);
        var item = upsert.Parameters.Add("$item", SqliteType.Text);
        var caseId = upsert.Parameters.Add("$case", SqliteType.Text);
        var result = upsert.Parameters.Add("$result", SqliteType.Blob);
        var error = upsert.Parameters.Add("$error", SqliteType.Text);
        upsert.Prepare();
        foreach (var outcome in outcomes)
        {
            position.Value = outcome.Position;
            item.Value = (object?)outcome.ItemId ?? DBNull.Value;
            caseId.Value = (object?)outcome.CaseId ?? DBNull.Value;
            state.Value = (int)outcome.State;
            result.Value = outcome.Result is { } bytes ? WholeArray(bytes) : (object)DBNull.Value;
            error.Value = (object?)outcome.Error ?? DBNull.Value;
            if (upsert.ExecuteNonQuery() == 0) skipped.Add(outcome.Position);
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
