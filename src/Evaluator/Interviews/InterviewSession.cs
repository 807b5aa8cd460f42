using Evaluator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Interviews;

/// <summary>One live interview, as stored: the engine's state plus who may continue it.</summary>
public sealed class InterviewSession
{
    public required string Id { get; set; }
    public required string CaseId { get; set; }

    /// <summary>The organisation's rubric revision the interview runs on; null for a built-in case.</summary>
    public int? RubricRevision { get; set; }

    /// <summary>Owner, for the REST API's organisation scoping; null for anonymous browser sessions.</summary>
    public string? OrganisationId { get; set; }

    /// <summary>SHA-256 of the resume token, hex; the token itself is never stored.</summary>
    public required string ResumeTokenHash { get; set; }

    public required string Step { get; set; }
    public int ProbesInStep { get; set; }
    public List<string> UsedProbes { get; set; } = [];
    public int CandidateTurns { get; set; }

    /// <summary>Turns stored so far; the next turn's sequence number.</summary>
    public int TurnCount { get; set; }

    public string? EndReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<InterviewTurn> Turns { get; set; } = [];

    public InterviewState ToState() => new(CaseId, Step, ProbesInStep, UsedProbes, CandidateTurns);

    public void Apply(InterviewState state)
    {
        Step = state.Step;
        ProbesInStep = state.ProbesInStep;
        UsedProbes = [.. state.UsedProbes];
        CandidateTurns = state.CandidateTurns;
    }
}

internal sealed class InterviewSessionConfiguration : IEntityTypeConfiguration<InterviewSession>
{
    public void Configure(EntityTypeBuilder<InterviewSession> builder)
    {
        builder.ToTable("InterviewSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.CaseId).HasMaxLength(200);
        builder.Property(s => s.OrganisationId).HasMaxLength(200);
        builder.Property(s => s.ResumeTokenHash).HasMaxLength(64);
        builder.Property(s => s.Step).HasMaxLength(100);
        builder.Property(s => s.EndReason).HasMaxLength(50);
        // The organisation's session list, paged newest first in SQL (and any lookup by organisation).
        builder.Property(s => s.CreatedAt).AsUtc();
        builder.HasIndex(s => new { s.OrganisationId, s.CreatedAt });
        builder.HasMany(s => s.Turns).WithOne().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
