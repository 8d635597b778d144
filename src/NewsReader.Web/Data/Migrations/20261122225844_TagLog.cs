using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TagLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PendingIndexUpdates",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingIndexUpdates", x => x.ArticleId);
                });

            migrationBuilder.CreateTable(
                name: "TagChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Tag = table.Column<string>(type: "TEXT", nullable: false),
                    Target = table.Column<string>(type: "TEXT", nullable: true),
                    Bulk = table.Column<bool>(type: "INTEGER", nullable: false),
                    UndoOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TagChangeArticles",
                columns: table => new
                {
                    TagChangeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagChangeArticles", x => new { x.TagChangeId, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_TagChangeArticles_TagChanges_TagChangeId",
                        column: x => x.TagChangeId,
                        principalTable: "TagChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TagChangeArticles_ArticleId",
                table: "TagChangeArticles",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_TagChanges_At",
                table: "TagChanges",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingIndexUpdates");

            migrationBuilder.DropTable(
                name: "TagChangeArticles");

            migrationBuilder.DropTable(
                name: "TagChanges");
        }
    }
}
