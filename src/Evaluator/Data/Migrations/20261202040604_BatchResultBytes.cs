using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evaluator.Data.Migrations
{
    /// <summary>Batch results move from TEXT to UTF-8 BLOB; results already stored are carried over.</summary>
    public partial class BatchResultBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Result",
                table: "BatchItems",
                type: "BLOB",
                nullable: true);

            // SQLite stores TEXT as UTF-8 here, so the cast keeps the bytes.
            migrationBuilder.Sql("""UPDATE "BatchItems" SET "Result" = CAST("ResultJson" AS BLOB) WHERE "ResultJson" IS NOT NULL;""");

            // SQLite's own DROP COLUMN: EF Core would rebuild the table outside a transaction to drop it.
            migrationBuilder.Sql("""ALTER TABLE "BatchItems" DROP COLUMN "ResultJson";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResultJson",
                table: "BatchItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql("""UPDATE "BatchItems" SET "ResultJson" = CAST("Result" AS TEXT) WHERE "Result" IS NOT NULL;""");

            migrationBuilder.Sql("""ALTER TABLE "BatchItems" DROP COLUMN "Result";""");
        }
    }
}
