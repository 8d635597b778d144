using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Extraction;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Ingestion;

public sealed record IngestionSummary(int FilesTotal, int FilesFailed, int ArticlesNew, int ArticlesUpdated, int ArticlesUnchanged, int FilesSkipped,
    IReadOnlyList<(string File, string Reason)> Failures)
{
    /// <summary>Where the run's time went, per stage.</summary>
    public IngestionStages Stages { get; init; } = new();
}

/// <summary>
/// Seconds each stage of a run took. Preparing (read, hash, extract, sign, analyze) runs on its own
/// workers, and the writer prepares what of its next batch they have not started; that, storing
/// (SQLite), indexing (Lucene) and committing run one after another on the writer, so the writer's
/// four add up to its share of the run and show which side holds the other up.
/// </summary>
public sealed class IngestionStages
{
    public double Preparing { get; set; }
    /// <summary>Batches waiting for the writer to take them.</summary>
    public double WaitingForWriter { get; set; }
    /// <summary>The writer preparing the dumps of its next batch that nobody had started, and waiting for those in progress.</summary>
    public double WriterPreparing { get; set; }
    public double Storing { get; set; }
    public double Indexing { get; set; }
    public double Committing { get; set; }

    public override string ToString() =>
        $"preparing {Preparing:F1} s (then {WaitingForWriter:F1} s waiting for the writer); writer: preparing {WriterPreparing:F1} s, storing {Storing:F1} s, indexing {Indexing:F1} s, committing {Committing:F1} s";
}

/// <summary>
/// Turns the dumps in a directory into articles: the database first, then the index, one dump at a
/// time. A dump whose bytes did not change since the last run is skipped; a dump that cannot be read
/// fails alone with its reason recorded, and the run goes on.
/// </summary>
public sealed partial class DumpIngester(
    NewsDbContext db,
    ArticleIndex index,
    Reindexer reindexer,
    IndexOutbox outbox,
    IndexOutboxLeases outboxLeases,
    NewsReader.Web.Features.Syndication.ClusterAssigner clusters,
    NewsReader.Web.Features.Syndication.MinHash hasher,
    NewDumpWriter writer,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<DumpIngester> logger)
{
    /// <summary>Dumps read and extracted ahead of the writer, and stored in one transaction.</summary>
    private const int BatchSize = 64;

    /// <summary>
    /// Batches handed to the writer ahead of it. Enough for the worker to keep preparing while the
    /// writer flushes or commits the index (up to 1–2 s on 137,800 articles); with 2 it waited 11–15 s
    /// of an 85 s run. Six batches of prepared dumps stay well inside the memory budget (peak 855 MB).
    /// </summary>
    private const int QueuedBatches = 6;

    public Task<IngestionSummary> IngestDirectoryAsync(CancellationToken ct) => IngestAsync(null, null, null, ct);

    /// <summary>Articles written to the index writer since its last commit; their outbox rows go once it commits.</summary>
    private readonly List<int> _indexedSinceCommit = [];

    /// <summary>Stage times of the run in progress.</summary>
    private IngestionStages _stages = new();

    private async Task CommitAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var committed = index.Commit();
        _stages.Committing += Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (!committed) return; // a rebuild holds commits; the outbox rows stay and are replayed
        await outbox.ClearAsync(_indexedSinceCommit);
        _indexedSinceCommit.Clear();
    }

    private sealed record KnownDump(string Hash, DumpStatus Status, int Articles, long Length, DateTime CapturedAt);

    /// <summary>
    /// Ingests the dumps directory or one folder of it. <paramref name="planned"/> hears the number of
    /// files before the first is read; <paramref name="done"/> hears each file's outcome.
    /// </summary>
    /// <remarks>
    /// Reading, hashing, extraction and signatures run in parallel a batch ahead; one writer stores
    /// each batch in a transaction and hands its documents to the index, committed every few seconds.
    /// </remarks>
    /// <exception cref="DumpPathException">The folder is not inside the dumps directory.</exception>
    public async Task<IngestionSummary> IngestAsync(string? folder, Action<int>? planned, Action<string, DumpOutcome>? done, CancellationToken ct)
    {
        var root = Path.GetFullPath(options.Value.DumpsDirectory);
        if (!Directory.Exists(root))
        {
            LogMissingDirectory(root);
            planned?.Invoke(0);
            return new IngestionSummary(0, 0, 0, 0, 0, 0, []);
        }
        var (files, refused) = DumpFolder.List(root, DumpFolder.Resolve(root, folder));
        // The run clears its own outbox rows as it commits; the outbox worker replaying them meanwhile
        // indexed every article twice (measured on the app's first start over 137,800 articles).
        using var lease = outboxLeases.Hold();
        planned?.Invoke(files.Count + refused.Count);

        var failures = new List<(string, string)>();
        foreach (var (file, reason) in refused)
        {
            failures.Add((file, reason));
            done?.Invoke(file, new DumpOutcome(DumpOutcomeKind.Failed, Error: reason));
        }
        var articleCounts = await db.Articles.GroupBy(a => a.DumpId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var copyCounts = await db.ArticleCopies.GroupBy(c => c.DumpId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var known = (await db.Dumps.AsNoTracking().Select(d => new { d.Id, d.Path, d.ContentHash, d.Status, d.Length, d.CapturedAt }).ToListAsync(ct))
            .ToDictionary(d => d.Path, d => new KnownDump(d.ContentHash, d.Status, articleCounts.GetValueOrDefault(d.Id) + copyCounts.GetValueOrDefault(d.Id), d.Length, d.CapturedAt),
                StringComparer.Ordinal);

        // Every file not stored before holds an article or more: room for that many in the band index at once.
        if (options.Value.Cluster) writer.Expect(Math.Max(0, files.Count - known.Count));

        int skipped = 0, added = 0, updated = 0, unchanged = 0;
        _stages = new IngestionStages();
        var lastCommit = time.GetTimestamp();
        var batches = System.Threading.Channels.Channel.CreateBounded<SharedBatch<string, PreparedDump>>(QueuedBatches);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The worker reads what was stored before the run from a copy: the writer adds to `known` as it
        // stores, and a dictionary read while another thread adds to it can fail or loop.
        var storedBefore = new Dictionary<string, KnownDump>(known, StringComparer.Ordinal);
        var buffers = new TokenBuffers();
        var reader = Task.Run(() => PrepareAllAsync(root, files, storedBefore, buffers, batches, stop.Token), stop.Token);
        try
        {
            await foreach (var shared in batches.Reader.ReadAllAsync(ct))
            {
                var helping = Stopwatch.GetTimestamp();
                PreparedDump[] batch;
                using (shared) batch = shared.Finish(ct);
                _stages.WriterPreparing += Stopwatch.GetElapsedTime(helping).TotalSeconds;
                foreach (var (file, outcome) in await StoreBatchAsync(batch, known, ct))
                {
                    if (outcome.Kind == DumpOutcomeKind.Failed) failures.Add((file, outcome.Error!));
                    if (outcome.Kind == DumpOutcomeKind.Skipped) skipped++;
                    (added, updated, unchanged) = (added + outcome.New, updated + outcome.Updated, unchanged + outcome.Unchanged);
                    done?.Invoke(file, outcome);
                }
                if (time.GetElapsedTime(lastCommit) >= options.Value.CommitInterval)
                {
                    await CommitAsync();
                    lastCommit = time.GetTimestamp();
                }
            }
            await reader;
        }
        finally
        {
            await stop.CancelAsync();
            try { await reader; } catch (OperationCanceledException) { }
            // Also when cancelled: dumps already stored are skipped next time, so their index writes must land now.
            await CommitAsync();
        }
        LogStages(_stages);
        return new IngestionSummary(files.Count + refused.Count, failures.Count, added, updated, unchanged, skipped, failures) { Stages = _stages };
    }

    private async Task PrepareAllAsync(string root, IReadOnlyList<string> files, Dictionary<string, KnownDump> known, TokenBuffers buffers,
        System.Threading.Channels.Channel<SharedBatch<string, PreparedDump>> queue, CancellationToken ct)
    {
        var output = queue.Writer;
        try
        {
            // One core is left to the writer, which is the other half of the work and helps with
            // whatever of its next batch is not prepared yet (measured: faster than all cores here).
            var workers = options.Value.PrepareWorkers is > 0 and var n ? n : Math.Max(1, Environment.ProcessorCount - 1);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct };
            (string Hash, long Length, DateTime Modified)? Stored(string path) =>
                known.TryGetValue(path, out var k) && k.Status == DumpStatus.Ingested ? (k.Hash, k.Length, k.CapturedAt) : null;
            using var readAhead = new ReadAhead(files, options.Value.ReadAheadFiles,
                file => !PreparedDump.IsUnchanged(new FileInfo(file), Stored(DumpFolder.Relative(root, file))), options.Value.MaxDumpBytes);
            var position = 0;
            foreach (var chunk in files.Chunk(BatchSize))
            {
                readAhead.Reached(position);
                position += chunk.Length;
                var batch = new SharedBatch<string, PreparedDump>(chunk, file =>
                    PreparedDump.Prepare(root, file, options.Value.MaxDumpBytes, options.Value.Cluster ? hasher : null, index.Analyzer, Stored, buffers));
                // Handed over before it is prepared, so that a writer with nothing to do takes part.
                // The worker does not index for the writer while it waits: Lucene then fills a buffer per
                // thread, and writing out twice the segments cost more than the help saved (session 15,
                // 100k dumps, 4 alternating pairs: Lucene's share 29.0-33.7 s with the help, 26.7-30.6 s without).
                var handing = Stopwatch.GetTimestamp();
                await output.WriteAsync(batch, ct);
                var started = Stopwatch.GetTimestamp();
                _stages.WaitingForWriter += Stopwatch.GetElapsedTime(handing, started).TotalSeconds;
                // Synchronous work items: a batch is one hand-off between threads, not several per dump
                // (on two cores, pool threads spinning between hand-offs took CPU the writer needed).
                if (workers == 1) batch.Work();
                else Parallel.For(0, workers, parallel, _ => batch.Work());
                _stages.Preparing += Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    /// <summary>
    /// Indexes a stored batch's documents on the writer; the next commit holds them. Not cancellable, and
    /// a document that fails does not stop the rest: the batch goes in whole, or keeps its outbox rows,
    /// which are replayed after the run.
    /// </summary>
    private void IndexStored(List<ArticleIndex.Entry> entries)
    {
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        foreach (var entry in entries)
        {
            try
            {
                index.Upsert(entry);
            }
            catch (Exception e)
            {
                failure ??= e;
            }
            finally
            {
                // The writer has the tokens: their buffers go back for the articles being prepared.
                if (entry.Analyzed is { } analyzed)
                {
                    analyzed.Title.Release();
                    analyzed.Body.Release();
                }
            }
        }
        if (failure is null) _indexedSinceCommit.AddRange(entries.Select(e => e.Id));
        else LogIndexingFailed(entries.Count, failure.Message);
        _stages.Indexing += Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Stores one prepared batch: new dumps in bulk, changed and failed ones one by one.</summary>
    private async Task<List<(string File, DumpOutcome Outcome)>> StoreBatchAsync(PreparedDump[] batch, Dictionary<string, KnownDump> known, CancellationToken ct)
    {
        var outcomes = new (string, DumpOutcome)[batch.Length];
        var fresh = new List<int>();
        for (int i = 0; i < batch.Length; i++)
        {
            var dump = batch[i];
            if (dump.Unchanged)
                outcomes[i] = (dump.Relative, new DumpOutcome(DumpOutcomeKind.Skipped, Unchanged: known[dump.Relative].Articles));
            else if (dump.Failure is null && !known.ContainsKey(dump.Relative))
                fresh.Add(i);
            else outcomes[i] = (dump.Relative, await StoreOneAsync(dump, ct));
        }
        if (fresh.Count > 0)
        {
            try
            {
                var sw = Stopwatch.StartNew();
                var storing = Stopwatch.GetTimestamp();
                var (written, entries) = await writer.WriteAsync(fresh.Select(i => batch[i]).ToList(), time.GetUtcNow().UtcDateTime, ct);
                _stages.Storing += Stopwatch.GetElapsedTime(storing).TotalSeconds;
                IndexStored(entries);
                for (int j = 0; j < fresh.Count; j++)
                {
                    var w = written[j];
                    outcomes[fresh[j]] = (w.Dump.Relative, new DumpOutcome(DumpOutcomeKind.Ingested, New: w.New, Unchanged: w.Copies));
                    known[w.Dump.Relative] = new KnownDump(w.Dump.Hash!, DumpStatus.Ingested, w.New + w.Copies, w.Dump.Length, w.Dump.CapturedAt);
                }
                LogBatch(fresh.Count, entries.Count, sw.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The batch rolled back; each of its dumps gets its own turn so one bad dump fails alone.
                LogBatchFailed(e.Message);
                db.ChangeTracker.Clear();
                foreach (var i in fresh) outcomes[i] = (batch[i].Relative, await StoreOneAsync(batch[i], ct));
            }
        }
        return [.. outcomes];
    }

    private async Task<DumpOutcome> StoreOneAsync(PreparedDump dump, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await IngestPreparedAsync(dump, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong with this dump, the others still get their turn.
            // The innermost message names the cause (EF's own says only "see the inner exception");
            // the dump is marked failed with it, as a dump that cannot be read is.
            db.ChangeTracker.Clear();
            var reason = $"Ingesting it failed: {e.GetBaseException().Message}";
            try
            {
                var stored = await db.Dumps.SingleOrDefaultAsync(d => d.Path == dump.Relative, ct);
                return await FailAsync(stored, dump.Relative, dump.Length, reason, ct, dump.Hash);
            }
            catch (Exception recording) when (recording is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                LogFailed(dump.Relative, $"{reason} (and recording the failure failed: {recording.GetBaseException().Message})");
                return new DumpOutcome(DumpOutcomeKind.Failed, Error: reason);
            }
        }
        finally
        {
            // The entity path stores and indexes one dump at a time; it counts as storing.
            _stages.Storing += Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
    }

    public enum DumpOutcomeKind { Ingested, Skipped, Failed }

    /// <param name="Unchanged">Articles already stored as they are: unchanged, or exact copies of another dump's.</param>
    public sealed record DumpOutcome(DumpOutcomeKind Kind, int New = 0, int Updated = 0, int Unchanged = 0, string? Error = null);

    /// <summary>Stores one dump through the entities: a failure, or a dump replacing a stored one (keeping revisions).</summary>
    private async Task<DumpOutcome> IngestPreparedAsync(PreparedDump prepared, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var relative = prepared.Relative;
        var dump = await db.Dumps.SingleOrDefaultAsync(d => d.Path == relative, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (prepared.Failure is { } failure)
            return await FailAsync(dump, relative, prepared.Length, failure, ct, prepared.Hash);
        var result = prepared.Result!;
        var hash = prepared.Hash!;

        dump ??= db.Dumps.Add(new Dump { Path = relative, ContentHash = hash }).Entity;
        dump.ContentHash = hash;
        dump.Length = prepared.Length;
        dump.Format = result.Format.ToString().ToLowerInvariant();
        dump.Encoding = result.Encoding;
        dump.Status = DumpStatus.Ingested;
        dump.Error = null;
        dump.CapturedAt = prepared.CapturedAt;
        dump.IngestedAt = now;
        var existing = dump.Id == 0
            ? []
            : await db.Articles.Include(a => a.Captions).Where(a => a.DumpId == dump.Id).ToListAsync(ct);
        var byPosition = existing.ToDictionary(a => a.DumpPosition);
        int added = 0, updated = 0, unchanged = 0;
        var articles = new List<(ExtractedArticle Source, Article Row)>();
        // Exact copies of articles other dumps hold are recorded, not stored twice; this dump's old records are redone.
        if (dump.Id != 0) await db.ArticleCopies.Where(c => c.DumpId == dump.Id).ExecuteDeleteAsync(ct);
        var copies = new List<(int Position, int ArticleId)>();
        var leaving = new List<Article>();
        foreach (var extracted in result.Articles)
        {
            var contentHash = ContentHash(extracted);
            if (!byPosition.ContainsKey(extracted.Position)
                && await db.Articles.Where(a => a.ContentHash == contentHash && a.DumpId != dump.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) is { } original)
            {
                copies.Add((extracted.Position, original));
                unchanged++;
                continue;
            }
            // An edited article that another dump still holds as it was stays with that dump; the edit is a new article.
            if (byPosition.TryGetValue(extracted.Position, out var held) && held.ContentHash != contentHash
                && await db.ArticleCopies.AnyAsync(c => c.ArticleId == held.Id && c.DumpId != dump.Id, ct))
            {
                byPosition.Remove(extracted.Position);
                leaving.Add(held);
            }
            if (byPosition.Remove(extracted.Position, out var row))
            {
                if (row.ContentHash == contentHash) unchanged++;
                else
                {
                    updated++;
                    // The text it had stays readable as a revision; the article keeps its id and tags.
                    db.ArticleRevisions.Add(new ArticleRevision
                    {
                        ArticleId = row.Id, Title = row.Title, Body = row.Body, ContentHash = row.ContentHash,
                        IngestedAt = row.IngestedAt, ReplacedAt = now,
                    });
                }
            }
            else
            {
                row = db.Articles.Add(new Article { Title = extracted.Title, ContentHash = contentHash, Dump = dump }).Entity;
                added++;
            }
            Apply(extracted, row, contentHash, now);
            articles.Add((extracted, row));
        }
        // Articles the dump no longer holds go away with it, unless another dump holds the same text: it moves there.
        var moved = new List<(int ArticleId, ArticleCopy Copy)>();
        foreach (var gone in byPosition.Values.Concat(leaving))
        {
            var copy = await db.ArticleCopies.AsNoTracking().Where(c => c.ArticleId == gone.Id && c.DumpId != dump.Id)
                .OrderBy(c => c.DumpId).FirstOrDefaultAsync(ct);
            if (copy is null) db.Articles.Remove(gone);
            else
            {
                db.Entry(gone).State = EntityState.Unchanged;
                moved.Add((gone.Id, copy));
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Moves first: a new article may take the place in this dump that a moved one leaves.
        foreach (var (articleId, copy) in moved)
        {
            await db.ArticleCopies.Where(c => c.DumpId == copy.DumpId && c.Position == copy.Position).ExecuteDeleteAsync(ct);
            await db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(a => a
                .SetProperty(x => x.DumpId, copy.DumpId).SetProperty(x => x.DumpPosition, copy.Position), ct);
        }
        await db.SaveChangesAsync(ct);
        db.ArticleCopies.AddRange(copies.Select(c => new ArticleCopy { DumpId = dump.Id, Position = c.Position, ArticleId = c.ArticleId }));
        // Teasers point at the article they were found with; ids exist only after the first save.
        var idByPosition = articles.ToDictionary(a => a.Source.Position, a => a.Row.Id);
        foreach (var (position, articleId) in copies) idByPosition.TryAdd(position, articleId);
        foreach (var (source, row) in articles)
            row.FoundWithId = source.FoundWith is { } p && idByPosition.TryGetValue(p, out var id) ? id : null;
        // Outbox rows in the same transaction: if the process dies before the index commit, they are replayed.
        var touched = articles.Select(a => a.Row.Id).Concat(byPosition.Values.Concat(leaving).Select(a => a.Id)).Distinct().ToList();
        await outbox.EnqueueAsync(touched, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        await clusters.AssignWithoutIndexingAsync(articles.Select(a => a.Row.Id).ToList(), ct);
        await reindexer.UpsertAsync(touched, ct);
        _indexedSinceCommit.AddRange(touched);
        LogIngested(articles.Count, relative, sw.Elapsed.TotalMilliseconds);
        return new DumpOutcome(DumpOutcomeKind.Ingested, added, updated, unchanged);
    }

    private static void Apply(ExtractedArticle source, Article row, string contentHash, DateTime now)
    {
        row.Title = source.Title;
        row.Source = source.Source;
        row.Byline = source.Byline;
        row.PublishedAt = source.PublishedAt?.UtcDateTime;
        row.DatePrecision = source.PublishedAt is null ? DatePrecision.Unknown : source.DatePrecision;
        row.OriginalUrl = source.OriginalUrl;
        row.Language = source.Language;
        row.Body = PreparedDump.StoredBody(source);
        row.DumpPosition = source.Position;
        row.ContentHash = contentHash;
        row.IngestedAt = now;
        row.Captions.Clear();
        row.Captions.AddRange(source.Captions.Select((c, i) => new ArticleCaption { Ordinal = i, Text = c.Text, Credit = c.Credit }));
    }

    /// <summary>
    /// Hash of everything extraction produced, so an edited dump is told from an unchanged one per article:
    /// SHA-256 of the UTF-8 of the fields joined by U+001F (paragraphs by U+001E, a caption's text and
    /// credit by U+001D). The pieces are hashed as they come instead of joined into one string first;
    /// every piece ends at a separator, so no surrogate pair is split and the bytes are the same.
    /// </summary>
    public static string ContentHash(ExtractedArticle a)
    {
        using var hash = new Utf8Hash();
        hash.Add(a.Title).Add('\u001f').Add(a.Source).Add('\u001f').Add(a.Byline).Add('\u001f')
            .Add(a.PublishedAt?.ToString("O")).Add('\u001f').Add(a.DatePrecision.ToString()).Add('\u001f')
            .Add(a.OriginalUrl).Add('\u001f').Add(a.Language).Add('\u001f');
        for (int i = 0; i < a.Paragraphs.Count; i++)
            (i == 0 ? hash : hash.Add('\u001e')).Add(a.Paragraphs[i]);
        hash.Add('\u001f');
        for (int i = 0; i < a.Captions.Count; i++)
            (i == 0 ? hash : hash.Add('\u001e')).Add(a.Captions[i].Text).Add('\u001d').Add(a.Captions[i].Credit);
        hash.Add('\u001f').Add(a.FoundWith?.ToString());
        return hash.Finish();
    }

    /// <summary>
    /// SHA-256 over text appended piece by piece as UTF-8. Pieces are gathered in one pooled buffer and
    /// hashed in one call when it fills or at the end: handing each piece to the hash on its own (a call
    /// into OpenSSL per paragraph and per separator) cost 11–17 µs a dump in `bench prepare`, 10 or less this way.
    /// </summary>
    private sealed class Utf8Hash : IDisposable
    {
        private const int BufferBytes = 16 * 1024;
        private readonly byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferBytes);
        private int _used;
        /// <summary>Only for text longer than the buffer.</summary>
        private IncrementalHash? _sha;

        public Utf8Hash Add(string? text) => text is null ? this : Add(text.AsSpan());

        public Utf8Hash Add(char c) => Add(new ReadOnlySpan<char>(in c));

        private Utf8Hash Add(ReadOnlySpan<char> text)
        {
            var max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_used + max > _buffer.Length)
            {
                Drain();
                if (max > _buffer.Length)
                {
                    // Encoded on its own, as every piece is: a lone surrogate at its edge becomes U+FFFD.
                    var large = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
                    _sha!.AppendData(large, 0, System.Text.Encoding.UTF8.GetBytes(text, large));
                    System.Buffers.ArrayPool<byte>.Shared.Return(large);
                    return this;
                }
            }
            _used += System.Text.Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
            return this;
        }

        /// <summary>Hands what the buffer holds to the incremental hash.</summary>
        private void Drain()
        {
            _sha ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _sha.AppendData(_buffer, 0, _used);
            _used = 0;
        }

        public string Finish()
        {
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            if (_sha is null) SHA256.HashData(_buffer.AsSpan(0, _used), digest);
            else
            {
                Drain();
                _sha.GetHashAndReset(digest);
            }
            return Convert.ToHexStringLower(digest);
        }

        public void Dispose()
        {
            _sha?.Dispose();
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private async Task<DumpOutcome> FailAsync(Dump? dump, string relative, long length, string reason, CancellationToken ct, string? hash = null)
    {
        // A failed dump keeps the articles an earlier good version produced: nothing is lost.
        dump ??= db.Dumps.Add(new Dump { Path = relative, ContentHash = hash ?? "" }).Entity;
        dump.ContentHash = hash ?? dump.ContentHash;
        dump.Length = length;
        dump.Status = DumpStatus.Failed;
        dump.Error = reason;
        dump.IngestedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        LogFailed(relative, reason);
        return new DumpOutcome(DumpOutcomeKind.Failed, Error: reason);
    }

    [LoggerMessage(LogLevel.Debug, "Ingested {Articles} articles from {File} in {ElapsedMs:F1} ms")]
    private partial void LogIngested(int articles, string file, double elapsedMs);

    [LoggerMessage(LogLevel.Error, "Indexing a stored batch of {Documents} articles failed, they stay queued for the index: {Reason}")]
    private partial void LogIndexingFailed(int documents, string reason);

    [LoggerMessage(LogLevel.Information, "Ingestion stages: {Stages}")]
    private partial void LogStages(IngestionStages stages);

    [LoggerMessage(LogLevel.Debug, "Stored {Dumps} new dumps with {Articles} articles in {ElapsedMs:F1} ms")]
    private partial void LogBatch(int dumps, int articles, double elapsedMs);

    [LoggerMessage(LogLevel.Warning, "A batch of new dumps could not be stored together ({Reason}); storing them one by one")]
    private partial void LogBatchFailed(string reason);

    [LoggerMessage(LogLevel.Warning, "Dump {File} failed: {Reason}")]
    private partial void LogFailed(string file, string reason);

    [LoggerMessage(LogLevel.Warning, "The dumps directory {Directory} does not exist; nothing to ingest")]
    private partial void LogMissingDirectory(string directory);
}

