namespace NewsReader.Web.Features.Syndication;

/// <summary>
/// Cluster assignment for a batch of new articles, in memory, with the same rule as
/// <see cref="ClusterAssigner"/>: the candidates sharing most band keys (at most
/// <see cref="ClusterAssigner.MaxCandidates"/>, stored or earlier in the batch) are compared by
/// signature, and the article joins the cluster of the most similar one above
/// <see cref="SyndicationDefaults.SameStory"/>, else starts its own.
/// </summary>
public sealed class BatchClusters
{
    private readonly BandIndex _stored;
    private readonly Dictionary<long, List<int>> _bands = [];
    private readonly Dictionary<int, int[]> _candidates = [];
    private readonly Dictionary<int, ulong[]> _signatures = [];
    private readonly Dictionary<int, int> _clusterOf = [];
    private readonly HashSet<int> _batch = [];

    /// <param name="stored">The band index of stored articles (read, not changed).</param>
    public BatchClusters(BandIndex stored) => _stored = stored;

    private List<int> Band(long key) => _bands.TryGetValue(key, out var list) ? list : _bands[key] = [];

    /// <summary>Adds a new article in batch order: its candidates are what came before it.</summary>
    public void Add(int id, ulong[] signature, long[] keys)
    {
        _batch.Add(id);
        _signatures[id] = signature;
        var shared = _stored.Shared(keys, id);
        foreach (var key in keys.Distinct())
        {
            var band = Band(key);
            foreach (var other in band) shared[other] = shared.GetValueOrDefault(other) + 1;
            band.Add(id);
        }
        _candidates[id] = shared.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key)
            .Take(ClusterAssigner.MaxCandidates).Select(kv => kv.Key).ToArray();
    }

    /// <summary>Stored articles some new article must be compared with.</summary>
    public List<int> StoredCandidates() => _candidates.Values.SelectMany(c => c).Where(id => !_batch.Contains(id)).Distinct().ToList();

    /// <summary>Signatures and cluster ids of the stored candidates.</summary>
    public void Known(IEnumerable<(int Id, ulong[] Signature, int ClusterId)> stored)
    {
        foreach (var (id, signature, cluster) in stored)
        {
            _signatures[id] = signature;
            _clusterOf[id] = cluster;
        }
    }

    /// <summary>The cluster of a new article; call in the order the articles were added.</summary>
    public int Decide(int id, ulong[] signature)
    {
        var best = _candidates.GetValueOrDefault(id, [])
            .Where(c => _signatures.ContainsKey(c) && _clusterOf.ContainsKey(c))
            .Select(c => (Id: c, Similarity: MinHash.Similarity(signature, _signatures[c])))
            .Where(c => c.Similarity >= SyndicationDefaults.SameStory)
            .OrderByDescending(c => c.Similarity).ThenBy(c => c.Id)
            .FirstOrDefault();
        return _clusterOf[id] = best.Id != 0 ? _clusterOf[best.Id] : id;
    }
}
