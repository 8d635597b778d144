using System.Diagnostics;
using System.Security.Cryptography;
using NewsReader.Bench.Infrastructure;
using NewsReader.Extraction;
using NewsReader.Web.Features.Ingestion;
using NewsReader.Web.Features.Search;
using NewsReader.Web.Features.Syndication;

namespace NewsReader.Bench.Ingest;

/// <summary>
/// <c>prepare DIR [--files N] [--rounds R]</c>: where the preparing worker's time goes, phase by phase, on one
/// thread. Reads up to N dumps of DIR into memory once, then runs each round the steps
/// <see cref="PreparedDump.Prepare"/> takes for every dump (hash, text check, extraction, stored body, MinHash
/// signature and band keys, content hash, title and body analyzed for the index), timing each step. The first
/// round warms up the JIT and is not counted.
/// </summary>
public static class PrepareCommand
{
    private static readonly string[] Phases = ["hash", "text check", "extract", "stored body", "signature", "band keys", "content hash", "analyze title", "analyze body"];

    public static int Run(string[] args)
    {
        var a = new Args(args);
        var dir = a.Require(0, "the dump folder");
        int limit = a.Int("files", 20_000), rounds = a.Int("rounds", 3);
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(limit)
            .Select(f => (Name: DumpReader.InnerName(Path.GetFileName(f)), Bytes: DumpReader.Read(f, long.MaxValue), Modified: File.GetLastWriteTimeUtc(f)))
            .ToList();
        var hasher = new MinHash();
        var analyzer = new NewsAnalyzer();
        var ticks = new long[Phases.Length];
        long articles = 0, sink = 0;
        double countedSeconds = 0;
        for (int round = 0; round <= rounds; round++)
        {
            Array.Clear(ticks);
            articles = 0;
            var sw = Stopwatch.StartNew();
            foreach (var (name, bytes, modified) in files)
            {
                long t = Stopwatch.GetTimestamp();
                sink += SHA256.HashData(bytes)[0];
                Lap(ref t, 0);
                if (DumpReader.WhyNotText(bytes) is not null) { Lap(ref t, 1); continue; }
                Lap(ref t, 1);
                ExtractionResult result;
                try { result = DumpExtractor.Extract(bytes, name, new DateTimeOffset(modified, TimeSpan.Zero)); }
                catch (Exception e) when (e is not OperationCanceledException) { Lap(ref t, 2); continue; }
                Lap(ref t, 2);
                foreach (var article in result.Articles)
                {
                    articles++;
                    var body = PreparedDump.StoredBody(article);
                    Lap(ref t, 3);
                    var signature = hasher.Signature(body);
                    Lap(ref t, 4);
                    sink += hasher.BandKeys(signature).Length;
                    Lap(ref t, 5);
                    sink += DumpIngester.ContentHash(article).Length;
                    Lap(ref t, 6);
                    sink += AnalyzedText.Of(analyzer, ArticleIndex.Fields.Title, article.Title).GetHashCode() & 1;
                    Lap(ref t, 7);
                    sink += AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, body).GetHashCode() & 1;
                    Lap(ref t, 8);
                }
            }
            var seconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"round {round}{(round == 0 ? " (warm-up)" : "")}: {files.Count:N0} dumps, {articles:N0} articles in {seconds:F2} s, " +
                              $"{seconds * 1e6 / files.Count:F0} µs a dump");
            if (round > 0) countedSeconds += seconds;
            if (round == rounds)
            {
                double total = ticks.Sum();
                for (int i = 0; i < Phases.Length; i++)
                    Console.WriteLine($"  {Phases[i],-14} {ticks[i] * 1e6 / Stopwatch.Frequency / files.Count,7:F1} µs a dump  {100 * ticks[i] / total,5:F1} %");
            }
        }
        GC.KeepAlive(sink);
        Console.WriteLine($"prepare: {files.Count:N0} dumps ({articles:N0} articles) on one thread, {countedSeconds * 1e6 / rounds / files.Count:F0} µs a dump, " +
                          $"{countedSeconds * 1e6 / rounds / articles:F0} µs an article (mean of {rounds} rounds after a warm-up)");
        return 0;

        void Lap(ref long t, int phase)
        {
            var now = Stopwatch.GetTimestamp();
            ticks[phase] += now - t;
            t = now;
        }
    }
}
