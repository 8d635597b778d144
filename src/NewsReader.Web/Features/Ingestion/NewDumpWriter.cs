using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Extraction;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;
using NewsReader.Web.Features.Syndication;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// Stores a batch of dumps never seen before in one transaction with prepared statements: their
/// articles (exact copies of a stored article become a copy record, not a second article), captions,
/// cluster assignment, signatures and outbox rows. This is the bulk path of ingestion; dumps that
/// replace stored ones go through the entity path, which keeps revisions.
/// </summary>
public sealed class NewDumpWriter(NewsDbContext db, BandIndex bands)
{
    /// <summary>SQLite's default limit on parameters is far above this; chunks keep statements small.</summary>
    private const int InChunk = 500;

    public sealed record Written(PreparedDump Dump, int New, int Copies);

    /// <summary>Tells the band index how many articles a run will add at least, so it makes room once.</summary>
    public void Expect(int articles) => bands.Reserve(articles);

    public async Task<(List<Written> Dumps, List<ArticleIndex.Entry> Entries)> WriteAsync(IReadOnlyList<PreparedDump> dumps, DateTime now, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // A bigger page cache keeps the indexes bulk inserts touch in memory. In WAL mode, NORMAL sync
            // cannot corrupt the file; a power cut may lose the last batches, which the start-up check
            // replays. Checkpoints every 64 MB of log instead of 4 MB: an index page that many batches
            // change is copied back once per checkpoint, not once per 4 MB (measured on 137,800 articles:
            // the batches' commits took 10.5 s with the default, 6.8 s with this). The settings stay with
            // the pooled connection, which is harmless for its other users.
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384;";
                pragma.ExecuteNonQuery();
            }
            await using var efTx = await db.Database.BeginTransactionAsync(ct);
            var tx = (SqliteTransaction)efTx.GetDbTransaction();
            var result = await WriteAsync(connection, tx, dumps, now, ct);
            await efTx.CommitAsync(ct);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<(List<Written>, List<ArticleIndex.Entry>)> WriteAsync(SqliteConnection c, SqliteTransaction tx,
        IReadOnlyList<PreparedDump> dumps, DateTime now, CancellationToken ct)
    {
        var nextDumpId = await NextIdAsync(c, tx, "Dumps", ct);
        var nextArticleId = await NextIdAsync(c, tx, "Articles", ct);

        // Exact copies: the same extracted content already stored, or earlier in this batch.
        var hashes = dumps.SelectMany(d => d.Articles).Select(a => a.ContentHash).Distinct().ToList();
        var byHash = await LookupAsync(c, tx, "SELECT ContentHash, MIN(Id) FROM Articles WHERE ContentHash IN ({0}) GROUP BY ContentHash",
            hashes, r => (r.GetString(0), r.GetInt32(1)), ct);
        var existingByHash = byHash.ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

        // Band keys already stored, for the cluster candidates of every new article.
        if (!bands.Loaded)
        {
            await using var all = c.CreateCommand();
            all.Transaction = tx;
            all.CommandText = "SELECT ArticleId, Signature FROM ArticleSignatures";
            await using var reader = all.ExecuteReader();
            bands.Load(ReadSignatures(reader));
        }
        var clusters = new BatchClusters(bands);

        var planned = new List<(PreparedDump Dump, int DumpId, List<(PreparedArticle Article, int Id)> New, List<(int Position, int ArticleId)> Copies)>();
        foreach (var dump in dumps)
        {
            var dumpId = nextDumpId++;
            var fresh = new List<(PreparedArticle, int)>();
            var copies = new List<(int, int)>();
            foreach (var article in dump.Articles)
            {
                if (existingByHash.TryGetValue(article.ContentHash, out var existing)) copies.Add((article.Source.Position, existing));
                else
                {
                    var id = nextArticleId++;
                    existingByHash[article.ContentHash] = id;
                    fresh.Add((article, id));
                    clusters.Add(id, article.Signature, article.BandKeys);
                }
            }
            planned.Add((dump, dumpId, fresh, copies));
        }

        // Signatures and cluster ids of stored candidates, then every new article decided in order.
        var storedCandidates = clusters.StoredCandidates();
        var signatures = await LookupAsync(c, tx, "SELECT s.ArticleId, s.Signature, COALESCE(a.ClusterId, a.Id) FROM ArticleSignatures s JOIN Articles a ON a.Id = s.ArticleId WHERE s.ArticleId IN ({0})",
            storedCandidates, r => (r.GetInt32(0), ClusterAssigner.Decode((byte[])r[1]), r.GetInt32(2)), ct);
        clusters.Known(signatures);

        using var insertDump = new Insert(c, "INSERT INTO Dumps (Id, Path, ContentHash, Length, Format, Encoding, Status, Error, CapturedAt, IngestedAt) VALUES ($id, $path, $hash, $length, $format, $encoding, 'Ingested', NULL, $captured, $now)",
            "$id", "$path", "$hash", "$length", "$format", "$encoding", "$captured", "$now");
        using var insertArticle = new Insert(c, """
            INSERT INTO Articles (Id, Title, Source, Byline, PublishedAt, DatePrecision, OriginalUrl, Language, Body, ContentHash, DumpId, DumpPosition, IngestedAt, FoundWithId, ClusterId)
            VALUES ($id, $title, $source, $byline, $published, $precision, $url, $lang, $body, $hash, $dump, $position, $now, $foundWith, $cluster)
            """, "$id", "$title", "$source", "$byline", "$published", "$precision", "$url", "$lang", "$body", "$hash", "$dump", "$position", "$now", "$foundWith", "$cluster");
        using var insertCaption = new Insert(c, "INSERT INTO ArticleCaptions (ArticleId, Ordinal, Text, Credit) VALUES ($article, $ordinal, $text, $credit)",
            "$article", "$ordinal", "$text", "$credit");
        using var insertSignature = new Insert(c, "INSERT INTO ArticleSignatures (ArticleId, Signature) VALUES ($article, $signature)", "$article", "$signature");
        using var insertPending = new Insert(c, "INSERT OR REPLACE INTO PendingIndexUpdates (ArticleId, Since) VALUES ($article, $now)", "$article", "$now");
        using var insertCopy = new Insert(c, "INSERT INTO ArticleCopies (DumpId, Position, ArticleId) VALUES ($dump, $position, $article)", "$dump", "$position", "$article");

        var stamp = Stamp(now);
        var written = new List<Written>();
        var added = new List<(int Id, long[] Keys)>();
        var entries = new List<ArticleIndex.Entry>();
        foreach (var (dump, dumpId, fresh, copies) in planned)
        {
            ct.ThrowIfCancellationRequested();
            insertDump.Run(dumpId, dump.Relative, dump.Hash, dump.Length, dump.Result!.Format.ToString().ToLowerInvariant(),
                dump.Result.Encoding, Stamp(dump.CapturedAt), stamp);
            var idByPosition = fresh.ToDictionary(f => f.Article.Source.Position, f => f.Id);
            foreach (var (position, articleId) in copies) idByPosition.TryAdd(position, articleId);
            foreach (var (article, id) in fresh)
            {
                var a = article.Source;
                var clusterId = clusters.Decide(id, article.Signature);
                int? foundWith = a.FoundWith is { } p && idByPosition.TryGetValue(p, out var fw) && fw != id ? fw : null;
                var published = a.PublishedAt?.UtcDateTime;
                insertArticle.Run(id, a.Title, a.Source, a.Byline, published is { } pub ? Stamp(pub) : null,
                    (a.PublishedAt is null ? DatePrecision.Unknown : a.DatePrecision).ToString(), a.OriginalUrl, a.Language, article.Body,
                    article.ContentHash, dumpId, a.Position, stamp, foundWith, clusterId);
                for (int i = 0; i < a.Captions.Count; i++)
                    insertCaption.Run(id, i, a.Captions[i].Text, a.Captions[i].Credit);
                if (article.BandKeys.Length > 0)
                {
                    insertSignature.Run(id, ClusterAssigner.Encode(article.Signature));
                    added.Add((id, article.BandKeys));
                }
                insertPending.Run(id, stamp);
                entries.Add(new ArticleIndex.Entry(id, a.Title, article.Body, a.Source, a.Byline, a.Language, published, [], clusterId)
                {
                    Analyzed = article.Analyzed,
                });
            }
            foreach (var (position, articleId) in copies) insertCopy.Run(dumpId, position, articleId);
            written.Add(new Written(dump, fresh.Count, copies.Count));
        }
        // The in-memory band index learns the new keys only now; should the commit fail, it holds ids
        // that have no signature, which candidates without one are dropped for.
        foreach (var (id, keys) in added) bands.Add(id, keys);
        return (written, entries);
    }

    private static IEnumerable<(int, ulong[])> ReadSignatures(DbDataReader reader)
    {
        while (reader.Read()) yield return (reader.GetInt32(0), ClusterAssigner.Decode((byte[])reader[1]));
    }

    /// <summary>The id AUTOINCREMENT would hand out next: ids of deleted rows are never reused.</summary>
    private static async Task<int> NextIdAsync(SqliteConnection c, SqliteTransaction tx, string table, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT MAX(Id) FROM \"{table}\"), 0))";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
    }

    private static async Task<List<T>> LookupAsync<TKey, T>(SqliteConnection c, SqliteTransaction tx, string sql, IReadOnlyList<TKey> values,
        Func<DbDataReader, T> read, CancellationToken ct)
    {
        var found = new List<T>();
        foreach (var chunk in values.Chunk(InChunk))
        {
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = string.Format(CultureInfo.InvariantCulture, sql, string.Join(',', chunk.Select((_, i) => "$p" + i)));
            for (int i = 0; i < chunk.Length; i++) cmd.Parameters.AddWithValue("$p" + i, chunk[i]);
            await using var reader = cmd.ExecuteReader();
            while (reader.Read()) found.Add(read(reader));
        }
        return found;
    }

    /// <summary>
    /// A prepared insert bound by position, on the connection's own handle (inside its transaction).
    /// Microsoft.Data.Sqlite looks every parameter up by name on every execution, a P/Invoke with a
    /// UTF-8 copy of the name each (measured on 100k dumps: storing 30.0–31.0 s with it, 29.1–29.3 s without).
    /// Values are bound as that provider binds them: integers, text, blobs and NULL. Synchronous on
    /// purpose: SQLite's async methods run synchronously anyway, at the price of a task per row.
    /// </summary>
    internal sealed class Insert : IDisposable
    {
        private readonly SQLitePCL.sqlite3 _db;
        private readonly SQLitePCL.sqlite3_stmt _statement;
        private readonly int _count;

        /// <param name="parameters">The statement's parameters in the order its values are given.</param>
        public Insert(SqliteConnection connection, string sql, params string[] parameters)
        {
            _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            Check(SQLitePCL.raw.sqlite3_prepare_v2(_db, sql, out _statement));
            _count = parameters.Length;
            if (SQLitePCL.raw.sqlite3_bind_parameter_count(_statement) != _count)
                throw new InvalidOperationException($"The statement has {SQLitePCL.raw.sqlite3_bind_parameter_count(_statement)} parameters, not {_count}: {sql}");
            for (int i = 0; i < _count; i++)
                if (SQLitePCL.raw.sqlite3_bind_parameter_index(_statement, parameters[i]) != i + 1)
                    throw new InvalidOperationException($"Parameter {parameters[i]} is not number {i + 1} of: {sql}");
        }

        public void Run(params object?[] values)
        {
            if (values.Length != _count) throw new ArgumentException($"{values.Length} values for {_count} parameters.", nameof(values));
            try
            {
                for (int i = 0; i < values.Length; i++)
                {
                    var rc = values[i] switch
                    {
                        null or DBNull => SQLitePCL.raw.sqlite3_bind_null(_statement, i + 1),
                        int n => SQLitePCL.raw.sqlite3_bind_int64(_statement, i + 1, n),
                        long n => SQLitePCL.raw.sqlite3_bind_int64(_statement, i + 1, n),
                        string text => SQLitePCL.raw.sqlite3_bind_text(_statement, i + 1, text),
                        byte[] blob => SQLitePCL.raw.sqlite3_bind_blob(_statement, i + 1, blob),
                        var other => throw new NotSupportedException($"No binding for a {other.GetType().Name}."),
                    };
                    Check(rc);
                }
                var step = SQLitePCL.raw.sqlite3_step(_statement);
                if (step != SQLitePCL.raw.SQLITE_DONE) Check(step);
            }
            finally
            {
                SQLitePCL.raw.sqlite3_reset(_statement);
            }
        }

        private void Check(int rc)
        {
            if (rc is not (SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE or SQLitePCL.raw.SQLITE_ROW))
                throw new SqliteException($"SQLite Error {rc}: '{SQLitePCL.raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, SQLitePCL.raw.sqlite3_extended_errcode(_db));
        }

        public void Dispose() => _statement.Dispose();
    }

    /// <summary>The text EF Core's SQLite provider stores for a UTC <see cref="DateTime"/>, so both paths write the same.</summary>
    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
