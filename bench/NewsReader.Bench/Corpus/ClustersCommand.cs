using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Bench.Infrastructure;
using NewsReader.Bench.Ingest;
using NewsReader.Web.Data;

namespace NewsReader.Bench.Corpus;

/// <summary>
/// <c>clusters DIR [--truth DIR.truth.json] [--rounds 3]</c>: ingests a generated corpus with and without clustering
/// and scores the clusters against the generator's ground truth: pairwise precision, recall and F1
/// over the articles the truth names (pairs in one predicted cluster vs pairs of one story).
/// </summary>
public static class ClustersCommand
{
    public static async Task<int> RunAsync(string[] argv)
    {
        var args = new Args(argv);
        var dumps = Path.GetFullPath(args.Require(0, "DIR (a corpus written by the corpus command)"));
        var truthPath = args.Get("truth") ?? CorpusGenerator.TruthPath(dumps);
        if (!File.Exists(truthPath)) throw new ArgumentException($"no ground truth at {truthPath}; write the corpus with the corpus command");
        var truth = JsonSerializer.Deserialize<Dictionary<string, List<TruthEntry>>>(File.ReadAllText(truthPath))!;
        var data = Path.Combine(Path.GetTempPath(), $"newsreader-clusters-{Environment.ProcessId}");
        var megabytes = Directory.EnumerateFiles(dumps).Sum(f => new FileInfo(f).Length) / 1048576.0;
        Console.WriteLine($"clusters: {truth.Count} dumps with ground truth from {dumps}");

        // A warm-up round of each (JIT, page cache) that does not count, then measured rounds alternating;
        // the ratio is of the medians: single runs on a shared 2-core machine vary by ±20 %.
        var rounds = args.Int("rounds", 3);
        var (with, _) = await IngestCommand.PipelineAsync(dumps, data, clustering: true, ReadAsync, megabytes);
        var (without, _) = await IngestCommand.PipelineAsync(dumps, data + "-plain", clustering: false, _ => Task.FromResult(0), megabytes);
        var clusteredRuns = new List<double>();
        var plainRuns = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            clusteredRuns.Add((await IngestCommand.PipelineAsync(dumps, data, clustering: true, _ => Task.FromResult(0), megabytes)).Seconds);
            plainRuns.Add((await IngestCommand.PipelineAsync(dumps, data + "-plain", clustering: false, _ => Task.FromResult(0), megabytes)).Seconds);
        }
        var clusteredSeconds = clusteredRuns.Order().ElementAt(rounds / 2);
        var plainSeconds = plainRuns.Order().ElementAt(rounds / 2);
        Console.WriteLine($"  measured seconds with clustering: {string.Join(", ", clusteredRuns.Select(x => x.ToString("F2")))}; " +
                          $"without: {string.Join(", ", plainRuns.Select(x => x.ToString("F2")))}; fastest-to-fastest ratio {plainRuns.Min() / clusteredRuns.Min():F2}");
        var rateRatio = (with.Summary.ArticlesNew / clusteredSeconds) / (without.Summary.ArticlesNew / plainSeconds);

        // Each dump's main articles (teasers aside), stored or folded as copies, in position order, against the truth's list.
        var storyOf = new Dictionary<int, int>();
        int files = 0, mismatched = 0, conflicts = 0;
        foreach (var (file, entries) in truth)
        {
            if (!with.Result.ByDump.TryGetValue(file, out var articles) || articles.Count != entries.Count)
            {
                mismatched++;
                continue;
            }
            files++;
            for (int i = 0; i < entries.Count; i++)
            {
                if (storyOf.TryGetValue(articles[i], out var story) && story != entries[i].Story) conflicts++;
                storyOf[articles[i]] = entries[i].Story;
            }
        }
        var clusterOf = with.Result.ClusterOf;
        long truePairs = 0, predictedPairs = 0, storyPairs = 0;
        foreach (var g in storyOf.GroupBy(kv => (clusterOf[kv.Key], kv.Value))) truePairs += Pairs(g.Count());
        foreach (var g in storyOf.GroupBy(kv => clusterOf[kv.Key])) predictedPairs += Pairs(g.Count());
        foreach (var g in storyOf.GroupBy(kv => kv.Value)) storyPairs += Pairs(g.Count());
        var precision = predictedPairs == 0 ? 1 : (double)truePairs / predictedPairs;
        var recall = storyPairs == 0 ? 1 : (double)truePairs / storyPairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var stories = storyOf.Values.Distinct().Count();
        var clusters = storyOf.Keys.Select(id => clusterOf[id]).Distinct().Count();

        Console.WriteLine($"  scored {storyOf.Count} articles from {files} dumps ({mismatched} dumps skipped: extraction found another number of articles; {conflicts} folded articles claimed by two stories)");
        Console.WriteLine($"  {stories} true stories, {clusters} predicted clusters; pairs: {storyPairs} true, {predictedPairs} predicted, {truePairs} both");
        Console.WriteLine($"clusters: precision {precision:F4}, recall {recall:F4}, F1 {f1:F4}; ingest with clustering {rateRatio:F2}x the rate without " +
                          $"({with.Summary.ArticlesNew / clusteredSeconds:F0} vs {without.Summary.ArticlesNew / plainSeconds:F0} articles/s, medians of {rounds} warm rounds)");
        Directory.Delete(data, recursive: true);
        Directory.Delete(data + "-plain", recursive: true);
        return 0;
    }

    private static long Pairs(long n) => n * (n - 1) / 2;

    private sealed record Stored(Dictionary<string, List<int>> ByDump, Dictionary<int, int> ClusterOf);

    private static async Task<Stored> ReadAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var own = await db.Articles.AsNoTracking().Where(a => a.FoundWithId == null)
            .Select(a => new { a.Dump!.Path, Position = a.DumpPosition, a.Id }).ToListAsync();
        var copies = await (from c in db.ArticleCopies
                            join a in db.Articles on c.ArticleId equals a.Id
                            join d in db.Dumps on c.DumpId equals d.Id
                            where a.FoundWithId == null
                            select new { d.Path, c.Position, a.Id }).ToListAsync();
        var byDump = own.Concat(copies).GroupBy(x => x.Path)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Position).Select(x => x.Id).ToList(), StringComparer.Ordinal);
        var clusterOf = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ClusterId ?? a.Id);
        return new Stored(byDump, clusterOf);
    }
}
