using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Batches;

/// <summary>
/// The answers of a batch still being graded: the submitted body as it came (UTF-8 JSON lines or a JSON array) and the
/// positions of its items, so a restarted worker reads the pending answers back and a followed download knows which
/// position comes next. Removed when the batch completes: results quote what they were graded on, and a candidate's
/// text is kept no longer than grading needs it. One row instead of a row per answer: 1,000 item rows inserted at
/// submission and then updated with their results cost the API about 0.03 of its time against in-process grading.
/// </summary>
public sealed class BatchAnswers
{
    public required string BatchId { get; set; }

    public required byte[] Body { get; set; }

    /// <summary>The items' positions in order, as 32-bit little-endian integers (<see cref="EncodePositions"/>).</summary>
    public required byte[] Positions { get; set; }

    public static byte[] EncodePositions(IReadOnlyList<int> positions)
    {
        var bytes = new byte[positions.Count * sizeof(int)];
        for (var i = 0; i < positions.Count; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), positions[i]);
        return bytes;
    }

    public static int[] DecodePositions(ReadOnlySpan<byte> bytes)
    {
        var positions = new int[bytes.Length / sizeof(int)];
        for (var i = 0; i < positions.Length; i++) positions[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * sizeof(int))..]);
        return positions;
    }
}

internal sealed class BatchAnswersConfiguration : IEntityTypeConfiguration<BatchAnswers>
{
    public void Configure(EntityTypeBuilder<BatchAnswers> builder)
    {
        builder.HasKey(i => i.BatchId);
        builder.HasOne<Batch>().WithOne().HasForeignKey<BatchAnswers>(i => i.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
