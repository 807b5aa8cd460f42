using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evaluator.Data.Migrations
{
    /// <inheritdoc />
    public partial class InterviewRubricRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RubricRevision",
                table: "InterviewSessions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RubricRevision",
                table: "InterviewSessions");
        }
    }
}
