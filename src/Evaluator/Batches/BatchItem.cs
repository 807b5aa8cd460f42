using Evaluator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Batches;

public enum ItemState
{
    Pending = 0,
    Graded = 1,
    Failed = 2,
}

/// <summary>One answer of a batch: its input, and its result or error once done.</summary>
public sealed class BatchItem
{
    public required string BatchId { get; set; }

    /// <summary>Line number (jsonl, from 1) or array index (json, from 0) in the submitted body.</summary>
    public int Position { get; set; }

    public string? ItemId { get; set; }
    public string? CaseId { get; set; }
    /// <summary>The answer to grade; cleared once the item is graded or failed (the result quotes its evidence).</summary>
    public string? Answer { get; set; }

    /// <summary>The organisation's rubric revision to grade with; null for the built-in case.</summary>
    public int? Revision { get; set; }

    /// <summary>Also the concurrency token: a result is written only over a Pending item, so never twice.</summary>
    public ItemState State { get; set; }

    /// <summary>
    /// The evaluation (scoring contract) as UTF-8 JSON: written once by the worker, sent as is by the results
    /// endpoint, never decoded on the way.
    /// </summary>
    public byte[]? Result { get; set; }

    public string? Error { get; set; }
    public DateTime? GradedAt { get; set; }
}

internal sealed class BatchItemConfiguration : IEntityTypeConfiguration<BatchItem>
{
    public void Configure(EntityTypeBuilder<BatchItem> builder)
    {
        builder.HasKey(i => new { i.BatchId, i.Position });
        builder.HasIndex(i => new { i.BatchId, i.State });
        builder.Property(i => i.State).IsConcurrencyToken();
        builder.Property(i => i.GradedAt).AsUtc();
        builder.HasOne<Batch>().WithMany().HasForeignKey(i => i.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
