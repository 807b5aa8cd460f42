using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Interviews;

/// <summary>One message in a session's transcript, numbered in the order it was committed.</summary>
public sealed class InterviewTurn
{
    public required string SessionId { get; set; }
    public int Seq { get; set; }
    public required string Role { get; set; }
    public required string Text { get; set; }

    /// <summary>The step the turn was spoken in: per-step report sections are built from it.</summary>
    public required string Step { get; set; }

    public DateTimeOffset At { get; set; }

    public TranscriptEntry ToEntry() => new(Role, Text, At, Step);
}

internal sealed class InterviewTurnConfiguration : IEntityTypeConfiguration<InterviewTurn>
{
    public void Configure(EntityTypeBuilder<InterviewTurn> builder)
    {
        builder.ToTable("InterviewTurns");
        builder.HasKey(t => new { t.SessionId, t.Seq });
        builder.Property(t => t.SessionId).HasMaxLength(32);
        builder.Property(t => t.Role).HasMaxLength(20);
        builder.Property(t => t.Step).HasMaxLength(100);
    }
}
