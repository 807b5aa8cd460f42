using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Interviews;

/// <summary>A finished session's report, stored as the JSON the hub returned so it reads back unchanged.</summary>
public sealed class InterviewReportRecord
{
    public required string SessionId { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class InterviewReportRecordConfiguration : IEntityTypeConfiguration<InterviewReportRecord>
{
    public void Configure(EntityTypeBuilder<InterviewReportRecord> builder)
    {
        builder.ToTable("InterviewReports");
        builder.HasKey(r => r.SessionId);
        builder.Property(r => r.SessionId).HasMaxLength(32);
        builder.HasOne<InterviewSession>().WithOne().HasForeignKey<InterviewReportRecord>(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
