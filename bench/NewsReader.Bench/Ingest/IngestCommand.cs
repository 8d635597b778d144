using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsReader.Bench.Infrastructure;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Ingestion;
using NewsReader.Web.Features.Search;
using NewsReader.Web.Features.Storage;

namespace NewsReader.Bench.Ingest;

/// <summary>
/// <c>ingest DIR [--data DATADIR] [--no-clusters] [--allocations] [--commit-seconds S] [--no-peers] [--warmup N] [--read-ahead FILES]</c>: the app's own ingestion of every dump in DIR into
/// a fresh data directory, then, in the same run, the same documents through a bare Lucene
/// IndexWriter (the ceiling) and the same text bulk-loaded into SQLite FTS5 (the peer).
/// <para>
/// The ceiling runs after the pipeline, on code the JIT has already optimized; the pipeline starts
/// cold, and its first seconds run unoptimized and profiling code while the tiered JIT catches up.
/// <c>--warmup N</c> first ingests N of the dumps into a scratch folder, untimed, so that the
/// pipeline is measured warm too, as in an app that has been running for a while.
/// </para>
/// </summary>
public static class IngestCommand
{
    /// <summary>Settings from the command line for every app this command starts (the warm-up's too).</summary>
    private static readonly Dictionary<string, string?> ExtraSettings = [];

    public static async Task<int> RunAsync(string[] argv)
    {
        var args = new Args(argv, "no-clusters", "keep", "allocations", "no-peers");
        var dumps = Path.GetFullPath(args.Require(0, "DIR (a folder of dumps)"));
        if (!System.IO.Directory.Exists(dumps)) throw new ArgumentException($"{dumps} is not a folder");
        var data = Path.GetFullPath(args.Get("data") ?? Path.Combine(Path.GetTempPath(), $"newsreader-bench-{Environment.ProcessId}"));
        if (System.IO.Directory.Exists(data)) System.IO.Directory.Delete(data, recursive: true);
        var clustering = !args.Flag("no-clusters");
        var commitSeconds = args.Get("commit-seconds");
        if (args.Get("read-ahead") is { } readAhead) ExtraSettings["Ingestion:ReadAheadFiles"] = readAhead;
        var files = System.IO.Directory.EnumerateFiles(dumps, "*", SearchOption.AllDirectories).ToList();
        var megabytes = files.Sum(f => new FileInfo(f).Length) / 1048576.0;
        Console.WriteLine($"ingest: {files.Count} files, {megabytes:F1} MB from {dumps} into {data} (clustering {(clustering ? "on" : "off")}, {Environment.ProcessorCount} cores)");
        if (args.Int("warmup", 0) is > 0 and var warmup) await WarmUpAsync(files.Order(StringComparer.Ordinal).Take(warmup).ToList(), dumps, clustering);

        // 1. The pipeline: parse + store + index, exactly as the app runs it.
        using var listener = args.Flag("allocations") ? new AllocationListener { Enabled = true } : null;
        using var resident = new BenchHost.ResidentSampler();
        var (summary, pipelineSeconds) = await PipelineAsync(dumps, data, clustering, async app =>
        {
            var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            Console.WriteLine($"            peak memory {BenchHost.PeakMemory()} ({resident}), database {BenchHost.Megabytes(BenchHost.DirectorySize(storage.DataDirectory) - BenchHost.DirectorySize(storage.IndexDirectory))}, index {BenchHost.Megabytes(BenchHost.DirectorySize(storage.IndexDirectory))} in {Segments(storage.IndexDirectory)} segments");
            Console.WriteLine($"            at the anonymous peak: {resident.Heap()}");
            if (args.Flag("no-peers")) return [];
            await using var read = app.Services.CreateAsyncScope();
            var db = read.ServiceProvider.GetRequiredService<NewsDbContext>();
            return await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(ArticleIndex.Projection).ToListAsync();
        }, megabytes, commitSeconds);
        var articles = summary.Summary.ArticlesNew;
        if (listener is not null)
        {
            listener.Enabled = false;
            Console.WriteLine("  allocations by type (sampled):");
            foreach (var (type, bytes) in listener.Top(25)) Console.WriteLine($"    {bytes / 1048576.0,8:F1} MB  {type}");
        }
        var entries = summary.Result;

        if (args.Flag("no-peers"))
        {
            // Archives too big to hold every document in memory for the ceiling: the pipeline alone.
            Console.WriteLine($"ingest: {articles} articles at {articles / pipelineSeconds:F0}/s end to end ({megabytes / pipelineSeconds:F1} MB/s), peers not run, peak {BenchHost.PeakMemory()}");
            return 0;
        }

        // 2. The ceiling: the same documents, one IndexWriter, one thread, nothing else.
        var lucenePath = Path.Combine(data, "raw-lucene");
        double luceneSeconds;
        using (var directory = FSDirectory.Open(lucenePath))
        using (var analyzer = new NewsAnalyzer())
        {
            var sw = Stopwatch.StartNew();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(NewsAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 }))
            {
                var builder = new ArticleIndex.DocumentBuilder();
                foreach (var entry in entries) writer.AddDocument(builder.Build(entry));
                writer.Commit();
            }
            luceneSeconds = sw.Elapsed.TotalSeconds;
        }
        Console.WriteLine($"  raw Lucene AddDocument: {entries.Count} docs in {luceneSeconds:F2} s, {entries.Count / luceneSeconds:F0} docs/s, index {BenchHost.Megabytes(BenchHost.DirectorySize(lucenePath))} in {Segments(lucenePath)} segments");

        // 3. The peer: SQLite FTS5 bulk load of the same text, one transaction.
        var ftsPath = Path.Combine(data, "fts5.db");
        double ftsSeconds;
        using (var connection = new SqliteConnection($"Data Source={ftsPath};Pooling=False"))
        {
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Exec(connection, "CREATE VIRTUAL TABLE articles USING fts5(title, body, source UNINDEXED, lang UNINDEXED, published UNINDEXED, tokenize='porter unicode61 remove_diacritics 2');");
            var sw = Stopwatch.StartNew();
            using (var tx = connection.BeginTransaction())
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO articles (rowid, title, body, source, lang, published) VALUES ($id, $t, $b, $s, $l, $p)";
                var p = new[] { "$id", "$t", "$b", "$s", "$l", "$p" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
                insert.Prepare();
                foreach (var e in entries)
                {
                    p[0].Value = e.Id; p[1].Value = e.Title; p[2].Value = e.Body;
                    p[3].Value = (object?)e.Source ?? DBNull.Value; p[4].Value = (object?)e.Language ?? DBNull.Value;
                    p[5].Value = e.PublishedAt is { } d ? d.ToString("O") : DBNull.Value;
                    insert.ExecuteNonQuery();
                }
                tx.Commit();
            }
            ftsSeconds = sw.Elapsed.TotalSeconds;
        }
        Console.WriteLine($"  SQLite FTS5 bulk load: {entries.Count} rows in {ftsSeconds:F2} s, {entries.Count / ftsSeconds:F0} rows/s, {BenchHost.Megabytes(new FileInfo(ftsPath).Length)}");

        var rate = articles / pipelineSeconds;
        var ceiling = entries.Count / luceneSeconds;
        Console.WriteLine($"ingest: {articles} articles at {rate:F0}/s end to end ({megabytes / pipelineSeconds:F1} MB/s), " +
                          $"{rate / ceiling:F2}x raw Lucene ({ceiling:F0}/s), {rate / (entries.Count / ftsSeconds):F2}x FTS5 load ({entries.Count / ftsSeconds:F0}/s), peak {BenchHost.PeakMemory()}");
        if (!args.Flag("keep") && args.Get("data") is null) System.IO.Directory.Delete(data, recursive: true);
        return 0;
    }

    /// <summary>Ingests <paramref name="files"/> (copies, in a scratch folder) into a scratch data directory, untimed: the JIT's tiers settle before the timed run.</summary>
    private static async Task WarmUpAsync(List<string> files, string dumps, bool clustering)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"newsreader-bench-warmup-{Environment.ProcessId}");
        var (folder, data) = (Path.Combine(scratch, "dumps"), Path.Combine(scratch, "data"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in files) File.Copy(file, Path.Combine(folder, Path.GetRelativePath(dumps, file).Replace(Path.DirectorySeparatorChar, '_')));
            var sw = Stopwatch.StartNew();
            Console.WriteLine($"  warm-up: {files.Count} dumps into a scratch folder, untimed");
            await PipelineAsync(folder, data, clustering, _ => Task.FromResult(0), 0);
            Console.WriteLine($"  warm-up done in {sw.Elapsed.TotalSeconds:F1} s; the timed run follows");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(scratch, recursive: true);
        }
    }

    public sealed record Run<T>(IngestionSummary Summary, T Result);

    /// <summary>Ingests DIR into a fresh DATADIR with the app's services, prints the rates, then lets <paramref name="after"/> read the result.</summary>
    public static async Task<(Run<T> Run, double Seconds)> PipelineAsync<T>(string dumps, string data, bool clustering,
        Func<Microsoft.AspNetCore.Builder.WebApplication, Task<T>> after, double megabytes, string? commitSeconds = null)
    {
        // A pooled connection would still point at a deleted database file of the same name.
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(data)) System.IO.Directory.Delete(data, recursive: true);
        var settings = new Dictionary<string, string?>(ExtraSettings) { ["Ingestion:Cluster"] = clustering.ToString() };
        if (commitSeconds is not null)
            settings["Ingestion:CommitInterval"] = TimeSpan.FromSeconds(double.Parse(commitSeconds, System.Globalization.CultureInfo.InvariantCulture)).ToString();
        await using var app = await BenchHost.OpenAsync(data, dumps, settings);
        // As the app's first start does: an empty index is marked as of the current schema.
        await using (var first = app.Services.CreateAsyncScope())
            await first.ServiceProvider.GetRequiredService<IndexCatchUp>().EnsureAsync(CancellationToken.None);
        Console.WriteLine($"  index committed every {app.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.CommitInterval.TotalSeconds:0.#} s");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (paused, collections, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.GetTotalAllocatedBytes());
        var sw = Stopwatch.StartNew();
        IngestionSummary summary;
        await using (var scope = app.Services.CreateAsyncScope())
            summary = await scope.ServiceProvider.GetRequiredService<DumpIngester>().IngestDirectoryAsync(CancellationToken.None);
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"  pipeline{(clustering ? "" : " without clustering")}: {summary.ArticlesNew} articles ({summary.ArticlesUnchanged} exact copies folded) from {summary.FilesTotal} files, {summary.FilesFailed} failed, in {seconds:F2} s");
        var busy = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"            {summary.ArticlesNew / seconds:F0} articles/s, {summary.FilesTotal / seconds:F0} dumps/s, {megabytes / seconds:F1} MB/s; " +
                          $"CPU {busy:F1} s, {busy / seconds:F2} of {Environment.ProcessorCount} cores busy");
        Console.WriteLine($"            GC: {GC.CollectionCount(0) - collections} collections, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F1} s paused, " +
                          $"{(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0 / Math.Max(1, summary.ArticlesNew) * 1024:F0} KB allocated per article");
        Console.WriteLine($"            {summary.Stages}");
        return (new Run<T>(summary, await after(app)), seconds);
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Segments of the index's last commit: a search pays per segment (docs/PERFORMANCE.md, "Search latency").</summary>
    private static int Segments(string indexDirectory)
    {
        using var directory = FSDirectory.Open(indexDirectory);
        var infos = new Lucene.Net.Index.SegmentInfos();
        infos.Read(directory);
        return infos.Count;
    }
}
