using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evaluator.Data;

/// <summary>SQLite keeps no time zone: times are stored as UTC and read back marked as UTC.</summary>
internal static class UtcDateTimes
{
    public static PropertyBuilder<DateTime> AsUtc(this PropertyBuilder<DateTime> property) =>
        property.HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static PropertyBuilder<DateTime?> AsUtc(this PropertyBuilder<DateTime?> property) =>
        property.HasConversion(v => v, v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    /// <summary>
    /// Stored as UTC DateTime text, so SQL can order and compare it (SQLite's provider orders no DateTimeOffset);
    /// read back with offset zero, the offset every time this app writes has.
    /// </summary>
    public static PropertyBuilder<DateTimeOffset> AsUtc(this PropertyBuilder<DateTimeOffset> property) =>
        property.HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
}
