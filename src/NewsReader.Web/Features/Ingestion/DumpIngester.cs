using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Extraction;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Ingestion;

public sealed record IngestionSummary(int FilesTotal, int FilesFailed, int ArticlesNew, int ArticlesUpdated, int ArticlesUnchanged, int FilesSkipped,
    IReadOnlyList<(string File, string Reason)> Failures);

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
    NewsReader.Web.Features.Syndication.ClusterAssigner clusters,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<DumpIngester> logger)
{
    /// <summary>How many dumps between index commits: searches see a long run's progress without a commit per file.</summary>
    private const int CommitEvery = 100;

    public Task<IngestionSummary> IngestDirectoryAsync(CancellationToken ct) => IngestAsync(null, null, null, ct);

    /// <summary>Articles written to the index writer since its last commit; their outbox rows go once it commits.</summary>
    private readonly List<int> _indexedSinceCommit = [];

    private async Task CommitAsync()
    {
        if (!index.Commit()) return; // a rebuild holds commits; the outbox rows stay and are replayed
        await outbox.ClearAsync(_indexedSinceCommit);
        _indexedSinceCommit.Clear();
    }

    /// <summary>
    /// Ingests the dumps directory or one folder of it. <paramref name="planned"/> hears the number of
    /// files before the first is read; <paramref name="done"/> hears each file's outcome.
    /// </summary>
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
        planned?.Invoke(files.Count + refused.Count);

        var failures = new List<(string, string)>();
        foreach (var (file, reason) in refused)
        {
            failures.Add((file, reason));
            done?.Invoke(file, new DumpOutcome(DumpOutcomeKind.Failed, Error: reason));
        }
        int skipped = 0, added = 0, updated = 0, unchanged = 0, sinceCommit = 0;
        try
        {
            foreach (var file in files)
            {
                ct.ThrowIfCancellationRequested();
                DumpOutcome outcome;
                try
                {
                    outcome = await IngestFileAsync(root, file, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever went wrong with this dump, the others still get their turn.
                    db.ChangeTracker.Clear();
                    LogFailed(DumpFolder.Relative(root, file), e.Message);
                    outcome = new DumpOutcome(DumpOutcomeKind.Failed, Error: $"Ingesting it failed: {e.Message}");
                }
                if (outcome.Kind == DumpOutcomeKind.Failed) failures.Add((DumpFolder.Relative(root, file), outcome.Error!));
                if (outcome.Kind == DumpOutcomeKind.Skipped) skipped++;
                (added, updated, unchanged) = (added + outcome.New, updated + outcome.Updated, unchanged + outcome.Unchanged);
                if (++sinceCommit >= CommitEvery)
                {
                    await CommitAsync();
                    sinceCommit = 0;
                }
                done?.Invoke(DumpFolder.Relative(root, file), outcome);
            }
        }
        finally
        {
            // Also when cancelled: dumps already stored are skipped next time, so their index writes must land now.
            await CommitAsync();
        }
        return new IngestionSummary(files.Count + refused.Count, failures.Count, added, updated, unchanged, skipped, failures);
    }

    public enum DumpOutcomeKind { Ingested, Skipped, Failed }

    public sealed record DumpOutcome(DumpOutcomeKind Kind, int New = 0, int Updated = 0, int Unchanged = 0, string? Error = null);

    /// <summary>Ingests one dump; the caller commits the index once per batch.</summary>
    public async Task<DumpOutcome> IngestFileAsync(string root, string file, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        var info = new FileInfo(file);
        var dump = await db.Dumps.SingleOrDefaultAsync(d => d.Path == relative, ct);
        var now = time.GetUtcNow().UtcDateTime;

        byte[] bytes;
        string hash;
        try
        {
            bytes = await DumpReader.ReadAsync(file, options.Value.MaxDumpBytes, ct);
            hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return await FailAsync(dump, relative, info, e is InvalidDataException ? e.Message : $"The file could not be read: {e.Message}", ct);
        }
        if (DumpReader.WhyNotText(bytes) is { } notText)
            return await FailAsync(dump, relative, info, notText, ct, hash);

        if (dump is { Status: DumpStatus.Ingested } && dump.ContentHash == hash)
            return new DumpOutcome(DumpOutcomeKind.Skipped, Unchanged: await db.Articles.CountAsync(a => a.DumpId == dump.Id, ct));

        ExtractionResult result;
        var capturedAt = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        try
        {
            result = DumpExtractor.Extract(bytes, DumpReader.InnerName(info.Name), capturedAt);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await FailAsync(dump, relative, info, $"The dump could not be parsed: {e.Message}", ct, hash);
        }
        if (result.Articles.Count == 0)
            return await FailAsync(dump, relative, info, "No article was found in the dump (it is empty or holds only page chrome).", ct, hash);

        dump ??= db.Dumps.Add(new Dump { Path = relative, ContentHash = hash }).Entity;
        dump.ContentHash = hash;
        dump.Length = bytes.Length;
        dump.Format = result.Format.ToString().ToLowerInvariant();
        dump.Encoding = result.Encoding;
        dump.Status = DumpStatus.Ingested;
        dump.Error = null;
        dump.CapturedAt = capturedAt.UtcDateTime;
        dump.IngestedAt = now;

        var existing = dump.Id == 0
            ? []
            : await db.Articles.Include(a => a.Captions).Where(a => a.DumpId == dump.Id).ToListAsync(ct);
        var byPosition = existing.ToDictionary(a => a.DumpPosition);
        int added = 0, updated = 0, unchanged = 0;
        var articles = new List<(ExtractedArticle Source, Article Row)>();
        foreach (var extracted in result.Articles)
        {
            var contentHash = ContentHash(extracted);
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
        // Articles the dump no longer holds go away with it.
        db.Articles.RemoveRange(byPosition.Values);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // Teasers point at the article they were found with; ids exist only after the first save.
        var idByPosition = articles.ToDictionary(a => a.Source.Position, a => a.Row.Id);
        foreach (var (source, row) in articles)
            row.FoundWithId = source.FoundWith is { } p && idByPosition.TryGetValue(p, out var id) ? id : null;
        // Outbox rows in the same transaction: if the process dies before the index commit, they are replayed.
        var touched = articles.Select(a => a.Row.Id).Concat(byPosition.Values.Select(a => a.Id)).ToList();
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
        row.Body = string.Join('\n', source.Paragraphs.Select(p => p.Replace('\n', ' ')));
        row.DumpPosition = source.Position;
        row.ContentHash = contentHash;
        row.IngestedAt = now;
        row.Captions.Clear();
        row.Captions.AddRange(source.Captions.Select((c, i) => new ArticleCaption { Ordinal = i, Text = c.Text, Credit = c.Credit }));
    }

    /// <summary>Hash of everything extraction produced, so an edited dump is told from an unchanged one per article.</summary>
    public static string ContentHash(ExtractedArticle a)
    {
        var text = string.Join('\u001f', a.Title, a.Source, a.Byline, a.PublishedAt?.ToString("O"), a.DatePrecision,
            a.OriginalUrl, a.Language, string.Join('\u001e', a.Paragraphs),
            string.Join('\u001e', a.Captions.Select(c => c.Text + '\u001d' + c.Credit)), a.FoundWith);
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private async Task<DumpOutcome> FailAsync(Dump? dump, string relative, FileInfo info, string reason, CancellationToken ct, string? hash = null)
    {
        // A failed dump keeps the articles an earlier good version produced: nothing is lost.
        dump ??= db.Dumps.Add(new Dump { Path = relative, ContentHash = hash ?? "" }).Entity;
        dump.ContentHash = hash ?? dump.ContentHash;
        dump.Length = info.Exists ? info.Length : 0;
        dump.Status = DumpStatus.Failed;
        dump.Error = reason;
        dump.IngestedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        LogFailed(relative, reason);
        return new DumpOutcome(DumpOutcomeKind.Failed, Error: reason);
    }

    [LoggerMessage(LogLevel.Debug, "Ingested {Articles} articles from {File} in {ElapsedMs:F1} ms")]
    private partial void LogIngested(int articles, string file, double elapsedMs);

    [LoggerMessage(LogLevel.Warning, "Dump {File} failed: {Reason}")]
    private partial void LogFailed(string file, string reason);

    [LoggerMessage(LogLevel.Warning, "The dumps directory {Directory} does not exist; nothing to ingest")]
    private partial void LogMissingDirectory(string directory);
}
