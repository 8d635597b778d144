using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Bench.Infrastructure;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Bench.Search;

/// <summary>
/// <c>search DATADIR [--per-kind 32] [--seed 1] [--rounds 3] [--warmup 3] [--no-fts]</c>: the search page's work (query,
/// facets, timeline, snippets, top 20) for a fixed mix of queries, in process, and the same needs answered
/// by SQLite FTS5 (bm25 top 20 with snippets, total, outlet and language counts, per-day counts) in the
/// same run. Each query is timed once per round after untimed warm-up rounds; percentiles are over
/// every timing. <c>--no-fts</c> skips the peer, for profiling.
/// </summary>
public static class SearchCommand
{
    public static async Task<int> RunAsync(string[] argv)
    {
        var args = new Args(argv, "no-fts", "allocations");
        var rounds = Math.Max(1, args.Int("rounds", 3));
        var warmup = Math.Max(0, args.Int("warmup", 3));
        var data = Path.GetFullPath(args.Require(0, "DATADIR (a data directory the app or `ingest --data` wrote)"));
        if (!File.Exists(Path.Combine(data, "newsreader.db"))) throw new ArgumentException($"no newsreader.db in {data}");
        // The engine is measured, not the result cache: every query runs.
        await using var app = await BenchHost.OpenAsync(data, settings: new Dictionary<string, string?> { ["Search:CacheEntries"] = "0" });

        // An index of an older schema is rebuilt from the database first, as the app does at start-up.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var rebuild = Stopwatch.StartNew();
            if (await scope.ServiceProvider.GetRequiredService<NewsReader.Web.Features.Ingestion.IndexCatchUp>().EnsureAsync(CancellationToken.None))
                Console.WriteLine($"  index rebuilt from the database in {rebuild.Elapsed.TotalSeconds:F1} s");
        }

        List<SampleArticle> sample;
        int articles;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            articles = await db.Articles.CountAsync();
            var stride = Math.Max(1, articles / 3000);
            sample = await db.Articles.AsNoTracking().Where(a => a.Id % stride == 0).OrderBy(a => a.Id).Take(3000)
                .Select(a => new SampleArticle(a.Title, a.Body, a.Source, a.Language, a.PublishedAt)).ToListAsync();
        }
        var queries = QueryMix.Build(sample, args.Int("per-kind", 32), args.Int("seed", 1));
        Console.WriteLine($"search: {queries.Count} queries ({string.Join(", ", QueryMix.Kinds.Select(k => $"{queries.Count(q => q.Kind == k)} {k}"))}) over {articles} articles in {data}");

        // NewsReader: exactly what the search page asks for, one scope per request.
        async Task<int> Ours(BenchQuery q)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest
            {
                Q = q.Text, Sources = q.Source is null ? [] : [q.Source], Lang = q.Lang, From = q.From, To = q.To,
                Sort = q.Newest ? SearchSort.Newest : null, PageSize = SearchRequest.DefaultPageSize,
            }, CancellationToken.None);
            return result.Total;
        }
        using var listener = args.Flag("allocations") ? new AllocationListener { Enabled = true } : null;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (paused, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var ours = await TimeAllAsync(queries, Ours, rounds, warmup);
        allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (queries.Count * (rounds + Math.Max(1, warmup)));
        if (args.Flag("no-fts"))
        {
            var sorted = ours.Select(x => x.Ms).Order().ToList();
            foreach (var kind in QueryMix.Kinds)
                Console.WriteLine($"  {kind,-8} {Triple(ours.Where(x => x.Query.Kind == kind).Select(x => x.Ms)),-28} hits {ours.Where(x => x.Query.Kind == kind).Average(x => x.Hits):F0}");
            collections = GC.CollectionCount(0) - collections;
            Console.WriteLine($"  allocated per query: {allocated / 1024.0:F0} KB; {collections} collections paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / Math.Max(1, collections):F1} ms each ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)");
            if (listener is not null)
                foreach (var (type, bytes) in listener.Top(25)) Console.WriteLine($"    {bytes / 1048576.0,8:F1} MB  {type}");
            Console.WriteLine("  slowest:");
            foreach (var (query, ms, hits, gcs) in ours.OrderByDescending(x => x.Ms).Take(8))
                Console.WriteLine($"    {ms,7:F2} ms  {hits,6} hits  {gcs} GCs  {query.Kind,-7} {query.Text}");
            Console.WriteLine($"search: {queries.Count} queries x {rounds} rounds over {articles} articles: NewsReader p50 {Percentiles.Of(sorted, 50):F2} ms, p95 {Percentiles.Of(sorted, 95):F2} ms, p99 {Percentiles.Of(sorted, 99):F2} ms (no FTS5)");
            return 0;
        }

        // FTS5: the same text in a virtual table, built here from the same database.
        var ftsPath = Path.Combine(Path.GetTempPath(), $"newsreader-fts5-{Environment.ProcessId}.db");
        File.Delete(ftsPath);
        using var fts = new SqliteConnection($"Data Source={ftsPath};Pooling=False");
        fts.Open();
        var build = Stopwatch.StartNew();
        Exec(fts, $"ATTACH DATABASE '{Path.Combine(data, "newsreader.db").Replace("'", "''")}' AS src;");
        Exec(fts, "CREATE VIRTUAL TABLE articles USING fts5(title, body, source UNINDEXED, lang UNINDEXED, published UNINDEXED, tokenize='porter unicode61 remove_diacritics 2');");
        Exec(fts, "INSERT INTO articles (rowid, title, body, source, lang, published) SELECT Id, Title, Body, Source, Language, PublishedAt FROM src.Articles;");
        Exec(fts, "DETACH DATABASE src;");
        Console.WriteLine($"  FTS5 table built in {build.Elapsed.TotalSeconds:F1} s ({BenchHost.Megabytes(new FileInfo(ftsPath).Length)})");

        Task<int> Theirs(BenchQuery q)
        {
            var where = "articles MATCH $q" + (q.Source is null ? "" : " AND source = $source") + (q.Lang is null ? "" : " AND lang = $lang")
                + (q.From is null ? "" : " AND published >= $from AND published < $to");
            SqliteCommand Command(string sql)
            {
                var cmd = fts.CreateCommand();
                cmd.CommandText = sql;
                cmd.Parameters.AddWithValue("$q", q.Fts);
                if (q.Source is not null) cmd.Parameters.AddWithValue("$source", q.Source);
                if (q.Lang is not null) cmd.Parameters.AddWithValue("$lang", q.Lang);
                if (q.From is { } from) cmd.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd"));
                if (q.To is { } to) cmd.Parameters.AddWithValue("$to", to.AddDays(1).ToString("yyyy-MM-dd"));
                return cmd;
            }
            int Drain(string sql)
            {
                using var cmd = Command(sql);
                using var reader = cmd.ExecuteReader();
                var n = 0;
                while (reader.Read()) n++;
                return n;
            }
            var order = q.Newest ? "published DESC" : "bm25(articles, 10.0, 1.0)";
            Drain($"SELECT rowid, title, snippet(articles, 1, '<mark>', '</mark>', '…', 24) FROM articles WHERE {where} ORDER BY {order} LIMIT 20");
            int total;
            using (var count = Command($"SELECT count(*) FROM articles WHERE {where}")) total = Convert.ToInt32(count.ExecuteScalar());
            Drain($"SELECT source, count(*) FROM articles WHERE {where} GROUP BY source ORDER BY 2 DESC LIMIT 20");
            Drain($"SELECT lang, count(*) FROM articles WHERE {where} GROUP BY lang ORDER BY 2 DESC");
            Drain($"SELECT substr(published, 1, 10), count(*) FROM articles WHERE {where} GROUP BY 1");
            return Task.FromResult(total);
        }
        var theirs = await TimeAllAsync(queries, Theirs, rounds, warmup);
        fts.Close();
        SqliteConnection.ClearAllPools();
        File.Delete(ftsPath);

        Console.WriteLine($"  {"kind",-8} {"NewsReader p50/p95/p99 ms",-28} {"FTS5 p50/p95/p99 ms",-28} hits (ours/FTS5, mean)");
        foreach (var kind in QueryMix.Kinds)
        {
            var o = ours.Where(x => x.Query.Kind == kind).ToList();
            var t = theirs.Where(x => x.Query.Kind == kind).ToList();
            Console.WriteLine($"  {kind,-8} {Triple(o.Select(x => x.Ms)),-28} {Triple(t.Select(x => x.Ms)),-28} {o.Average(x => x.Hits):F0}/{t.Average(x => x.Hits):F0}");
        }
        var ourAll = ours.Select(x => x.Ms).Order().ToList();
        var theirAll = theirs.Select(x => x.Ms).Order().ToList();
        Console.WriteLine($"  {"all",-8} {Triple(ourAll),-28} {Triple(theirAll),-28}");
        Console.WriteLine($"search: {queries.Count} queries x {rounds} rounds over {articles} articles: NewsReader p50 {Percentiles.Of(ourAll, 50):F2} ms, p99 {Percentiles.Of(ourAll, 99):F2} ms; " +
                          $"FTS5 p50 {Percentiles.Of(theirAll, 50):F2} ms, p99 {Percentiles.Of(theirAll, 99):F2} ms; p99 ratio {Percentiles.Of(ourAll, 99) / Percentiles.Of(theirAll, 99):F2}");
        return 0;
    }

    private static string Triple(IEnumerable<double> ms)
    {
        var sorted = ms.Order().ToList();
        return $"{Percentiles.Of(sorted, 50):F2} / {Percentiles.Of(sorted, 95):F2} / {Percentiles.Of(sorted, 99):F2}";
    }

    /// <summary>
    /// Untimed rounds to warm caches and the JIT (tiered compilation recompiles hot code in the background
    /// for a while, which on two cores shows as a long tail), then each query timed once per round, in order.
    /// </summary>
    private static async Task<List<(BenchQuery Query, double Ms, int Hits, int Gcs)>> TimeAllAsync(List<BenchQuery> queries, Func<BenchQuery, Task<int>> run,
        int rounds, int warmup)
    {
        for (var round = 0; round < Math.Max(1, warmup); round++)
            foreach (var q in queries) await run(q);
        var timed = new List<(BenchQuery, double, int, int)>();
        for (var round = 0; round < rounds; round++)
            foreach (var q in queries)
            {
                var gcs = GC.CollectionCount(0);
                var sw = Stopwatch.StartNew();
                var hits = await run(q);
                timed.Add((q, sw.Elapsed.TotalMilliseconds, hits, GC.CollectionCount(0) - gcs));
            }
        return timed;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
