using System.ComponentModel.DataAnnotations;

namespace Evaluator.Batches;

/// <summary>Section "Batches".</summary>
public sealed class BatchOptions
{
    public const string Section = "Batches";

    /// <summary>Answers graded at the same time by the background worker.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Most answers in one batch.</summary>
    [Range(1, 1_000_000)]
    public int MaxItems { get; set; } = 10_000;

    /// <summary>Largest batch body in bytes (20 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// Wait before a batch whose grading or storing failed (a full disk, a database locked for too long) is tried
    /// again; it doubles after each failure of the same batch, up to five minutes.
    /// </summary>
    [Range(0.001, 300)]
    public double FirstRetryDelaySeconds { get; set; } = 5;
}
