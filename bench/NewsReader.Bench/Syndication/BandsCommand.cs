using System.Diagnostics;
using NewsReader.Bench.Infrastructure;
using NewsReader.Web.Features.Syndication;

namespace NewsReader.Bench.Syndication;

/// <summary>
/// <c>bands [--articles N] [--rounds R] [--seed S] [--grow G]</c>: the band index's lookups on their own. Loads N
/// articles' signatures (random, so 32 keys each spread over all 64 bits as real band keys are), then
/// looks up every article's keys R times, as storing does once per new article. <c>--grow</c> then adds
/// G articles one by one, as a long run does, and prints what that allocated and the process's peak.
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

        // Growing: articles added one by one after the load, as a long run adds them (merged into the sorted arrays as they pile up).
        var grow = a.Int("grow", 0);
        if (grow > 0)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            var sw = Stopwatch.StartNew();
            for (int id = articles + 1; id <= articles + grow; id++)
            {
                var signature = new ulong[hasher.Size];
                for (int i = 0; i < signature.Length; i++) signature[i] = (ulong)random.NextInt64();
                index.Add(id, hasher.BandKeys(signature));
            }
            Console.WriteLine($"grow: {grow:N0} articles added in {sw.Elapsed.TotalSeconds:F1} s, {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:F0} MB allocated, " +
                              $"peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        }
        return 0;
    }
}
