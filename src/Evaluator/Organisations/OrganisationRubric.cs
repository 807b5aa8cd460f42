using Evaluator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Organisations;

/// <summary>
/// One version of an organisation's own case rubric. Each upload is a new revision (1, 2, ...);
/// the newest one is used, and batches record the revision they were graded with.
/// </summary>
public sealed class OrganisationRubric
{
    public required string Organisation { get; set; }
    public required string CaseId { get; set; }
    public int Revision { get; set; }
    public required string Yaml { get; set; }

    /// <summary>The case file's own <c>version</c> field, as reported in each evaluation.</summary>
    public required string Version { get; set; }

    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class OrganisationRubricConfiguration : IEntityTypeConfiguration<OrganisationRubric>
{
    public void Configure(EntityTypeBuilder<OrganisationRubric> builder)
    {
        builder.HasKey(r => new { r.Organisation, r.CaseId, r.Revision });
        builder.Property(r => r.Organisation).HasMaxLength(64);
        builder.Property(r => r.CaseId).HasMaxLength(128);
        builder.Property(r => r.CreatedAt).AsUtc();
    }
}
