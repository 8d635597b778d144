using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// Index updates that must not be lost: a change records the articles it touched in
/// <see cref="PendingIndexUpdate"/> in its own database transaction, then flushes. If the index
/// write fails, or the process dies first, the rows stay and are replayed — by the worker a few
/// seconds later, or at the next start — so database and index never stay apart.
/// </summary>
public sealed partial class IndexOutbox(NewsDbContext db, Reindexer reindexer, ArticleIndex index, IndexOutboxLeases leases, TimeProvider time,
    ILogger<IndexOutbox> logger)
{
    private const int BatchSize = 5_000;

    /// <summary>Articles this unit of work queued, replayed alone while an ingestion run holds the outbox.</summary>
    private readonly List<int> _queued = [];

    /// <summary>Adds the ids to the outbox in the caller's unit of work (saved with its SaveChanges).</summary>
    public async Task EnqueueAsync(IEnumerable<int> articleIds, CancellationToken ct)
    {
        var ids = articleIds.Distinct().ToList();
        _queued.AddRange(ids);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var chunk in ids.Chunk(500))
        {
            var queued = await db.PendingIndexUpdates.Where(p => chunk.Contains(p.ArticleId)).Select(p => p.ArticleId).ToListAsync(ct);
            var tracked = db.ChangeTracker.Entries<PendingIndexUpdate>().Select(e => e.Entity.ArticleId).ToHashSet();
            foreach (var id in chunk.Except(queued).Where(id => !tracked.Contains(id)))
                db.PendingIndexUpdates.Add(new PendingIndexUpdate { ArticleId = id, Since = now });
        }
    }

    /// <summary>Drops the outbox rows of articles whose index writes have been committed by the caller.</summary>
    public async Task ClearAsync(IReadOnlyCollection<int> articleIds)
    {
        foreach (var chunk in articleIds.Distinct().Chunk(500))
            await db.PendingIndexUpdates.Where(p => chunk.Contains(p.ArticleId)).ExecuteDeleteAsync();
    }

    /// <summary>
    /// Writes every pending article to the index and commits. False when the index could not be written.
    /// While an ingestion run holds the outbox, only the articles this unit of work queued: the run's
    /// own rows, thousands at a time, are cleared by its commits (an editor's tag would otherwise wait for them).
    /// </summary>
    public async Task<bool> FlushAsync(CancellationToken ct)
    {
        try
        {
            if (leases.Held)
            {
                var mine = _queued.Distinct().ToList();
                _queued.Clear();
                foreach (var chunk in mine.Chunk(500))
                    if (await ReplayAsync(db.PendingIndexUpdates.Where(p => chunk.Contains(p.ArticleId)), ct) is null) return false;
                return true;
            }
            _queued.Clear();
            while (true)
            {
                var replayed = await ReplayAsync(db.PendingIndexUpdates, ct);
                if (replayed is null) return false;
                if (replayed < BatchSize) return true;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFlushFailed(e);
            return false;
        }
    }

    /// <summary>Replays up to <see cref="BatchSize"/> of these rows and commits; how many, or null when nothing could commit.</summary>
    private async Task<int?> ReplayAsync(IQueryable<PendingIndexUpdate> rows, CancellationToken ct)
    {
        var pending = await rows.AsNoTracking().OrderBy(p => p.ArticleId).Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        await reindexer.UpsertAsync(pending.Select(p => p.ArticleId).ToList(), ct);
        // During a rebuild nothing commits: the rows stay queued and the worker retries after it.
        if (!index.Commit()) return null;
        // Only what was read is cleared: a change queued meanwhile (newer Since) stays for the next flush.
        foreach (var p in pending)
            await db.PendingIndexUpdates.Where(x => x.ArticleId == p.ArticleId && x.Since <= p.Since).ExecuteDeleteAsync(ct);
        return pending.Count;
    }

    [LoggerMessage(LogLevel.Error, "Writing pending changes to the index failed; they stay queued and will be retried")]
    private partial void LogFlushFailed(Exception e);
}

/// <summary>
/// Held by a bulk writer (an ingestion run) that clears its own outbox rows each time it commits.
/// While any lease is held the outbox worker leaves the rows alone: replaying them meanwhile would
/// read back and index the same articles a second time, on the cores the run itself needs. Rows a
/// run leaves behind (a failed commit, a crash) are replayed once its lease ends, or at the next start.
/// </summary>
public sealed class IndexOutboxLeases
{
    private int _held;

    public bool Held => Volatile.Read(ref _held) > 0;

    public IDisposable Hold()
    {
        Interlocked.Increment(ref _held);
        return new Lease(this);
    }

    private sealed class Lease(IndexOutboxLeases owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Interlocked.Decrement(ref owner._held);
        }
    }
}

/// <summary>Replays the outbox at start-up and every few seconds, so a failed index write heals by itself.</summary>
public sealed class IndexOutboxWorker(IServiceScopeFactory scopes, IndexOutboxLeases leases, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do await ReplayAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One tick: replays pending rows unless a run holds the outbox. True when it replayed something.</summary>
    public async Task<bool> ReplayAsync(CancellationToken ct)
    {
        if (leases.Held) return false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        if (!await db.PendingIndexUpdates.AnyAsync(ct)) return false;
        return await scope.ServiceProvider.GetRequiredService<IndexOutbox>().FlushAsync(ct);
    }
}
