using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Data;

/// <summary>SQLite keeps no time zone: times are stored as UTC and read back marked as UTC.</summary>
internal static class UtcDateTimes
{
    public static PropertyBuilder<DateTime> AsUtc(this PropertyBuilder<DateTime> property) =>
        property.HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static PropertyBuilder<DateTime?> AsUtc(this PropertyBuilder<DateTime?> property) =>
        property.HasConversion(v => v, v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
