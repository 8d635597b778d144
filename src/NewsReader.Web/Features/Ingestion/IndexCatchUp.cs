using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// Makes the index agree with the database: the database is the truth, so whenever the two differ
/// (a crash between a database commit and an index commit, a deleted index folder) the index is
/// rebuilt from it.
/// </summary>
public sealed partial class IndexCatchUp(NewsDbContext db, ArticleIndex index, ILogger<IndexCatchUp> logger)
{
    private const int BatchSize = 1_000;

    public async Task<bool> EnsureAsync(CancellationToken ct)
    {
        var articles = await db.Articles.CountAsync(ct);
        if (articles == index.Count && index.HasCurrentSchema) return false;
        LogRebuilding(index.Count, articles, index.HasCurrentSchema);
        await RebuildAsync(ct);
        return true;
    }

    public async Task RebuildAsync(CancellationToken ct)
    {
        index.DeleteAll();
        var lastId = 0;
        while (true)
        {
            var batch = await db.Articles.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            index.Upsert(batch);
            lastId = batch[^1].Id;
        }
        index.Commit();
        index.MarkCurrentSchema();
    }

    [LoggerMessage(LogLevel.Warning,
        "The index holds {Indexed} articles and the database {Stored} (index schema current: {SchemaCurrent}): rebuilding the index from the database")]
    private partial void LogRebuilding(int indexed, int stored, bool schemaCurrent);
}
