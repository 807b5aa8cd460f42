using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evaluator.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionCreatedAtSortable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // DateTimeOffset text ("...+00:00") becomes UTC DateTime text, which orders as the times do. This app
            // writes offset zero only; any other offset is converted (SQLite keeps milliseconds of it).
            migrationBuilder.Sql("UPDATE InterviewSessions SET CreatedAt = substr(CreatedAt, 1, length(CreatedAt) - 6) WHERE CreatedAt LIKE '%+00:00';");
            migrationBuilder.Sql("UPDATE InterviewSessions SET CreatedAt = strftime('%Y-%m-%d %H:%M:%f', CreatedAt) WHERE CreatedAt GLOB '*[+-][0-9][0-9]:[0-9][0-9]';");

            migrationBuilder.DropIndex(
                name: "IX_InterviewSessions_OrganisationId",
                table: "InterviewSessions");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewSessions_OrganisationId_CreatedAt",
                table: "InterviewSessions",
                columns: new[] { "OrganisationId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE InterviewSessions SET CreatedAt = CreatedAt || '+00:00';");

            migrationBuilder.DropIndex(
                name: "IX_InterviewSessions_OrganisationId_CreatedAt",
                table: "InterviewSessions");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewSessions_OrganisationId",
                table: "InterviewSessions",
                column: "OrganisationId");
        }
    }
}
