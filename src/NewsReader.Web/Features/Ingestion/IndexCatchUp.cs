using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// Makes the index agree with the database: the database is the truth, so whenever the two differ
/// (a crash between a database commit and an index commit, a deleted index folder) the index is
/// rebuilt from it.
/// </summary>
public sealed partial class IndexCatchUp(NewsDbContext db, ArticleIndex index, Reindexer reindexer, ILogger<IndexCatchUp> logger)
{
    public async Task<bool> EnsureAsync(CancellationToken ct)
    {
        var articles = await db.Articles.CountAsync(ct);
        if (articles == index.Count && index.HasCurrentSchema) return false;
        if (articles == 0 && index.Count == 0)
        {
            index.MarkCurrentSchema(); // a first start: nothing to rebuild
            return false;
        }
        LogRebuilding(index.Count, articles, index.HasCurrentSchema);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await RebuildAsync(ct);
        LogRebuilt(index.Count, started.Elapsed.TotalSeconds);
        return true;
    }

    public Task RebuildAsync(CancellationToken ct) => reindexer.RebuildAsync(ct);

    [LoggerMessage(LogLevel.Warning,
        "The index holds {Indexed} articles and the database {Stored} (index schema current: {SchemaCurrent}): rebuilding the index from the database")]
    private partial void LogRebuilding(int indexed, int stored, bool schemaCurrent);

    [LoggerMessage(LogLevel.Information, "Rebuilt the index: {Indexed} articles in {Seconds:F1} s")]
    private partial void LogRebuilt(int indexed, double seconds);
}
