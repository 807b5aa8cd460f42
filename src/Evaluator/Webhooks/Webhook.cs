using Evaluator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Webhooks;

/// <summary>
/// An organisation's webhook, called when one of its batches completes. The secret is kept
/// in plain text because signing needs it; it is shown to the admin only when set.
/// </summary>
public sealed class Webhook
{
    public required string Organisation { get; set; }
    public required string Url { get; set; }
    public required string Secret { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.HasKey(w => w.Organisation);
        builder.Property(w => w.Organisation).HasMaxLength(64);
        builder.Property(w => w.Url).HasMaxLength(2048);
        builder.Property(w => w.CreatedAt).AsUtc();
    }
}
