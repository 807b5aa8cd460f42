using Evaluator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Organisations;

/// <summary>An API key of one organisation. Only the SHA-256 hash of the key is stored.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Organisation { get; set; }
    public required string Role { get; set; }

    /// <summary>Lowercase hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the key, enough to tell keys apart in a list.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.Organisation);
        builder.Property(k => k.Organisation).HasMaxLength(64);
        builder.Property(k => k.Role).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.CreatedAt).AsUtc();
        builder.Property(k => k.RevokedAt).AsUtc();
    }
}
