using System.Diagnostics;
using NewsReader.Bench.Infrastructure;
using NewsReader.Web.Features.Syndication;

namespace NewsReader.Bench.Syndication;

/// <summary>
/// <c>bands [--articles N] [--rounds R] [--seed S]</c>: the band index's lookups on their own. Loads N
/// articles' signatures (random, so 32 keys each spread over all 64 bits as real band keys are), then
/// looks up every article's keys R times, as storing does once per new article.
/// </summary>
public static class BandsCommand
{
    public static int Run(string[] args)
    {
        var a = new Args(args);
        int articles = a.Int("articles", 137_800), rounds = a.Int("rounds", 5);
        var random = new Random(a.Int("seed", 1));
        var hasher = new MinHash();
        var signatures = Enumerable.Range(1, articles)
            .Select(id => (Id: id, Signature: Enumerable.Range(0, hasher.Size).Select(_ => (ulong)random.NextInt64()).ToArray()))
            .ToList();
        var index = new BandIndex(hasher);
        var load = Stopwatch.StartNew();
        index.Load(signatures);
        Console.WriteLine($"load: {articles:N0} articles, {articles * hasher.Bands:N0} keys in {load.Elapsed.TotalMilliseconds:F0} ms");

        var probes = signatures.Select(s => hasher.BandKeys(s.Signature)).ToArray();
        var times = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            long found = 0;
            foreach (var probe in probes) found += index.Shared(probe, except: 0).Count;
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (found < articles) throw new InvalidOperationException($"round {round}: {found} found, fewer than the {articles} articles looked up");
            Console.WriteLine($"round {round + 1}: {times[^1]:F0} ms, {times[^1] * 1e6 / ((double)articles * hasher.Bands):F0} ns a key");
        }
        var median = times.Order().ElementAt(times.Count / 2);
        Console.WriteLine($"bands: {articles:N0} articles, median {median:F0} ms a pass, {median * 1e6 / ((double)articles * hasher.Bands):F0} ns a key (of {rounds} rounds)");
        return 0;
    }
}
