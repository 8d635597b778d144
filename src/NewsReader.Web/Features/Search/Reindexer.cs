using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// The one way articles reach the index: read from the database (the truth) by id and upserted.
/// Callers commit the index once per batch.
/// </summary>
public sealed class Reindexer(NewsDbContext db, ArticleIndex index)
{
    private const int ChunkSize = 500;

    /// <summary>Brings these articles' documents in line with the database; ids no longer stored are removed.</summary>
    public async Task UpsertAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var entries = await db.Articles.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(ArticleIndex.Projection).ToListAsync(ct);
            index.Upsert(entries);
            index.Delete(chunk.Except(entries.Select(e => e.Id)));
        }
    }

    /// <summary>
    /// Replaces the whole index with what the database holds, in id order. Searches keep using the
    /// last committed index until the single commit at the end.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct, Action<int, int>? progress = null)
    {
        var total = await db.Articles.CountAsync(ct);
        var done = 0;
        progress?.Invoke(0, total);
        // Not cancellable once started: uncommitted deletes cannot be taken back without closing the writer.
        ct = CancellationToken.None;
        index.BeginRebuild();
        var completed = false;
        try
        {
            var lastId = 0;
            while (true)
            {
                var batch = await db.Articles.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(ChunkSize)
                    .Select(ArticleIndex.Projection).ToListAsync(ct);
                if (batch.Count == 0) break;
                index.Upsert(batch);
                lastId = batch[^1].Id;
                progress?.Invoke(done += batch.Count, total);
            }
            index.CommitRebuild();
            completed = true;
        }
        finally
        {
            if (!completed) index.AbandonRebuild();
        }
        index.MarkCurrentSchema();
    }
}
