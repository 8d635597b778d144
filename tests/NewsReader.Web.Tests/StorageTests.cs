using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Storage;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>
/// The app starts on a compiled model (Data/CompiledModel, written by `dotnet ef dbcontext optimize`) and
/// skips EF Core's Migrate() when every migration is applied. These tests keep both honest: the compiled
/// model must describe what OnModelCreating builds, and the model must have no change a migration lacks.
/// </summary>
public sealed class StorageTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private NewsDbContext Context() => new(new DbContextOptionsBuilder<NewsDbContext>()
        .UseSqlite($"Data Source={_folder.File("newsreader.db")}").Options);

    [Fact]
    public void The_app_runs_on_the_compiled_model()
    {
        using var db = Context();
        Assert.IsType<NewsReader.Web.Data.CompiledModel.NewsDbContextModel>(db.Model);
    }

    [Fact]
    public void The_compiled_model_describes_what_OnModelCreating_builds()
    {
        // Regenerate with: dotnet ef dbcontext optimize -p src/NewsReader.Web -o Data/CompiledModel -n NewsReader.Web.Data.CompiledModel
        using var db = Context();
        var built = db.GetService<IDesignTimeModel>().Model;
        Assert.NotSame(db.Model, built);
        Assert.Equal(Describe(built), Describe(db.Model));
    }

    [Fact]
    public void The_model_has_no_change_that_a_migration_lacks()
    {
        using var db = Context();
        Assert.False(db.Database.HasPendingModelChanges(), "add a migration: dotnet ef migrations add NAME -p src/NewsReader.Web -o Data/Migrations");
    }

    [Fact]
    public async Task Migrations_count_as_applied_only_when_the_history_lists_every_one()
    {
        await using var db = Context();
        Assert.False(await StorageSetup.MigrationsAppliedAsync(db)); // no database yet

        await db.Database.MigrateAsync();
        Assert.True(await StorageSetup.MigrationsAppliedAsync(db));

        var last = db.Database.GetMigrations().Last();
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE MigrationId = {last}");
        Assert.False(await StorageSetup.MigrationsAppliedAsync(db));
    }

    /// <summary>Tables, columns with their store types and nullability, keys, indexes and foreign keys.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var type in model.GetEntityTypes().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.Add($"{type.Name} -> {type.GetTableName()}");
            foreach (var p in type.GetProperties())
                lines.Add($"  {p.Name} {p.GetColumnName()} {p.GetColumnType()} {(p.IsNullable ? "null" : "not null")} max {p.GetMaxLength()} converter {p.GetValueConverter()?.GetType().Name ?? p.GetTypeMapping().Converter?.GetType().Name} generated {p.ValueGenerated}");
            foreach (var k in type.GetKeys())
                lines.Add($"  key {string.Join(',', k.Properties.Select(p => p.Name))}{(k.IsPrimaryKey() ? " primary" : "")}");
            foreach (var i in type.GetIndexes())
                lines.Add($"  index {i.GetDatabaseName()} {string.Join(',', i.Properties.Select(p => p.Name))}{(i.IsUnique ? " unique" : "")}");
            foreach (var f in type.GetForeignKeys())
                lines.Add($"  fk {string.Join(',', f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}");
            foreach (var n in type.GetNavigations())
                lines.Add($"  navigation {n.Name} -> {n.TargetEntityType.Name}");
        }
        return lines;
    }
}
