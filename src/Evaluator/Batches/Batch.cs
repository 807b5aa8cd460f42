using Evaluator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Batches;

public enum BatchState
{
    Queued = 0,
    Running = 1,
    Completed = 2,
}

/// <summary>A submitted batch of answers; its items hold the answers and, once graded, the results.</summary>
public sealed class Batch
{
    public required string Id { get; set; }
    public required string Organisation { get; set; }
    public BatchState State { get; set; }

    /// <summary>jsonl (items numbered by line, from 1) or json (items numbered by array index, from 0).</summary>
    public required string InputFormat { get; set; }

    public required string Scorer { get; set; }
    public int Total { get; set; }

    /// <summary>The rubric of each case as of submission (JSON list of <see cref="RubricUse"/>).</summary>
    public required string RubricsJson { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>Set on completion when the organisation has a webhook; cleared once it is delivered or given up.</summary>
    public bool WebhookPending { get; set; }

    public int WebhookAttempts { get; set; }
    public DateTime? WebhookDeliveredAt { get; set; }
}

/// <summary>Which rubric graded a case in a batch: built in, or the organisation's revision n.</summary>
public sealed record RubricUse(string Case, string Source, int? Revision, string Version);

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> builder)
    {
        builder.Property(b => b.Id).HasMaxLength(40);
        builder.Property(b => b.Organisation).HasMaxLength(64);
        builder.HasIndex(b => new { b.Organisation, b.CreatedAt });
        builder.HasIndex(b => b.State);
        builder.Property(b => b.CreatedAt).AsUtc();
        builder.Property(b => b.StartedAt).AsUtc();
        builder.Property(b => b.CompletedAt).AsUtc();
        builder.Property(b => b.WebhookDeliveredAt).AsUtc();
    }
}
