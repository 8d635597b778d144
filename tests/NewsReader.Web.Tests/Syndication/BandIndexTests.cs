using NewsReader.Web.Features.Syndication;

namespace NewsReader.Web.Tests.Syndication;

/// <summary>
/// The in-memory LSH band index answers "which articles share how many keys with these" exactly as
/// a plain list of (key, article) pairs would: for loaded, recent and merged keys alike.
/// </summary>
public sealed class BandIndexTests
{
    private static readonly MinHash Hasher = new();

    /// <summary>Keys drawn from a small pool so that articles share some; a few repeat within an article.</summary>
    private static long[] Keys(Random random) =>
        Enumerable.Range(0, 32).Select(_ => (long)random.Next(0, 400) * 0x1F3D5B79 - 5_000_000).ToArray();

    private static Dictionary<int, int> BruteForce(List<(int Id, long[] Keys)> added, long[] keys, int except)
    {
        var wanted = keys.ToHashSet();
        var shared = new Dictionary<int, int>();
        foreach (var (id, its) in added)
        {
            if (id == except) continue;
            var common = its.Distinct().Count(wanted.Contains);
            if (common > 0) shared[id] = common;
        }
        return shared;
    }

    [Theory]
    [InlineData(1 << 20)] // never merges in this test: recent keys only
    [InlineData(100)]     // merges every few articles, with keys left over each time
    [InlineData(1)]       // merges after every article
    public void Shared_keys_are_counted_as_a_plain_list_counts_them_before_and_after_merges(int mergeAt)
    {
        var random = new Random(7);
        var index = new BandIndex(Hasher, mergeAt);
        index.Load([]);
        var added = new List<(int, long[])>();
        for (int id = 1; id <= 300; id++)
        {
            var keys = Keys(random);
            if (id % 10 == 0)
            {
                var probe = Keys(random);
                Assert.Equal(BruteForce(added, probe, except: id - 1).OrderBy(kv => kv.Key), index.Shared(probe, id - 1).OrderBy(kv => kv.Key));
            }
            index.Add(id, keys);
            added.Add((id, keys));
        }
        foreach (var (id, keys) in added.Take(20))
            Assert.Equal(BruteForce(added, keys, id).OrderBy(kv => kv.Key), index.Shared(keys, id).OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(50)]
    public void Keys_across_the_whole_range_are_found_as_a_plain_list_finds_them(int mergeAt)
    {
        // Real band keys are hashes over all 64 bits; the lookup splits them by their top bits.
        var random = new Random(11);
        var pool = Enumerable.Range(0, 500).Select(_ => random.NextInt64(long.MinValue, long.MaxValue))
            .Concat([long.MinValue, long.MinValue + 1, -1, 0, 1, long.MaxValue - 1, long.MaxValue]).ToArray();
        long[] Draw() => Enumerable.Range(0, 32).Select(_ => pool[random.Next(pool.Length)]).ToArray();
        var index = new BandIndex(Hasher, mergeAt);
        // Loaded as signatures: the index derives keys from them, so the list records those keys.
        var signatures = Enumerable.Range(1, 200)
            .Select(id => (Id: id, Signature: Enumerable.Range(0, Hasher.Size).Select(_ => (ulong)random.NextInt64()).ToArray())).ToList();
        index.Load(signatures);
        var added = signatures.Select(s => (s.Id, Hasher.BandKeys(s.Signature))).ToList();
        for (int id = 201; id <= 400; id++)
        {
            var keys = Draw();
            index.Add(id, keys);
            added.Add((id, keys));
        }
        for (int n = 0; n < 50; n++)
        {
            var probe = Draw();
            Assert.Equal(BruteForce(added, probe, except: 0).OrderBy(kv => kv.Key), index.Shared(probe, 0).OrderBy(kv => kv.Key));
        }
        foreach (var (id, keys) in added.Where((_, i) => i % 20 == 0))
        {
            Assert.Equal(BruteForce(added, keys, id).OrderBy(kv => kv.Key), index.Shared(keys, id).OrderBy(kv => kv.Key));
            Assert.Equal(keys.Distinct().Count(), index.Shared(keys, except: 0)[id]); // finds itself, loaded or added
        }
    }

    [Fact]
    public void Room_the_arrays_keep_for_later_merges_is_never_read_as_keys()
    {
        // Merges grow the sorted arrays by half, so their tail is unused room holding zeros (key 0, id 0).
        // With 0 the largest key stored, a lookup that ran into that room would count article 0.
        var index = new BandIndex(Hasher, mergeAt: 3);
        var added = new List<(int Id, long[] Keys)>();
        for (int id = 1; id <= 40; id++)
        {
            long[] keys = id == 7 ? [0, -5] : [-id, -1000 - id, -2000 - id];
            index.Add(id, keys);
            added.Add((id, keys));
        }
        Assert.Equal(BruteForce(added, [0], except: -1), index.Shared([0], except: -1));
        Assert.Equal(BruteForce(added, [-5, -1, 0], except: -1).OrderBy(kv => kv.Key), index.Shared([-5, -1, 0], except: -1).OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData(false)] // reserved before the index loads, as a run's first batch loads it
    [InlineData(true)]  // reserved after
    public void Reserved_room_holds_the_expected_articles_without_growing_and_keys_are_found_as_before(bool loadFirst)
    {
        var random = new Random(13);
        var index = new BandIndex(Hasher, mergeAt: 64);
        var loaded = Enumerable.Range(1, 30)
            .Select(id => (Id: id, Signature: Enumerable.Range(0, Hasher.Size).Select(_ => (ulong)random.NextInt64()).ToArray())).ToList();
        if (loadFirst) index.Load(loaded);
        index.Reserve(200);
        if (!loadFirst) index.Load(loaded);
        var capacity = index.Capacity;
        Assert.True(capacity >= (30 + 200) * Hasher.Bands, $"room for {capacity} keys");
        var added = loaded.Select(s => (s.Id, Hasher.BandKeys(s.Signature))).ToList();
        for (int id = 31; id <= 230; id++)
        {
            var keys = Keys(random);
            index.Add(id, keys);
            added.Add((id, keys));
        }
        Assert.Equal(capacity, index.Capacity);
        for (int n = 0; n < 20; n++)
        {
            var probe = Keys(random);
            Assert.Equal(BruteForce(added, probe, except: 0).OrderBy(kv => kv.Key), index.Shared(probe, 0).OrderBy(kv => kv.Key));
        }
    }

    [Fact]
    public void Loaded_signatures_and_added_keys_are_found_together()
    {
        var first = Hasher.Signature("the harbour strike ended on tuesday after talks between the union and the port authority");
        var second = Hasher.Signature("the harbour strike ended on tuesday after long talks between the union and the port authority");
        var index = new BandIndex(Hasher, mergeAt: 40);
        index.Load([(1, first)]);

        index.Add(2, Hasher.BandKeys(second));
        index.Add(3, Hasher.BandKeys(first));

        var shared = index.Shared(Hasher.BandKeys(first), except: 3);
        var expected = BruteForce([(1, Hasher.BandKeys(first)), (2, Hasher.BandKeys(second))], Hasher.BandKeys(first), 3);
        Assert.Equal(expected.OrderBy(kv => kv.Key), shared.OrderBy(kv => kv.Key));
        Assert.Equal(Hasher.BandKeys(first).Distinct().Count(), shared[1]);
    }
}
