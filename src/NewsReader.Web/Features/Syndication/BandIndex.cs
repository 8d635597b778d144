namespace NewsReader.Web.Features.Syndication;

/// <summary>
/// The LSH band index: which articles have each band key. It lives in memory and is derived from the
/// stored signatures (the truth), read in once per process on first use: 32 keys an article cost
/// 12 bytes each in sorted arrays, where a table cost a B-tree insert each (measured: ingest ran at
/// 0.37× the rate without clustering with the table). New keys go to a dictionary that is merged into
/// the arrays as it grows. Ids of deleted articles may linger; callers drop candidates without a signature.
/// </summary>
public sealed class BandIndex(MinHash hasher)
{
    private const int MergeAt = 1 << 20;
    private readonly Lock _lock = new();
    private long[] _keys = [];
    private int[] _ids = [];
    private readonly Dictionary<long, List<int>> _recent = [];
    private int _recentCount;

    public bool Loaded { get; private set; }

    /// <summary>Builds the index from every stored signature; once per process.</summary>
    public void Load(IEnumerable<(int Id, ulong[] Signature)> stored)
    {
        lock (_lock)
        {
            if (Loaded) return;
            var keys = new List<long>();
            var ids = new List<int>();
            foreach (var (id, signature) in stored)
                foreach (var key in hasher.BandKeys(signature).Distinct())
                {
                    keys.Add(key);
                    ids.Add(id);
                }
            (_keys, _ids) = (keys.ToArray(), ids.ToArray());
            Array.Sort(_keys, _ids);
            Loaded = true;
        }
    }

    public void Add(int id, IEnumerable<long> keys)
    {
        lock (_lock)
        {
            foreach (var key in keys.Distinct())
            {
                if (!_recent.TryGetValue(key, out var list)) _recent[key] = list = [];
                list.Add(id);
                _recentCount++;
            }
            if (_recentCount >= MergeAt) Merge();
        }
    }

    /// <summary>Articles sharing each key, with the number of keys shared.</summary>
    public Dictionary<int, int> Shared(IEnumerable<long> keys, int except)
    {
        var shared = new Dictionary<int, int>();
        lock (_lock)
        {
            foreach (var key in keys.Distinct())
            {
                var i = Array.BinarySearch(_keys, key);
                if (i >= 0)
                {
                    while (i > 0 && _keys[i - 1] == key) i--;
                    for (; i < _keys.Length && _keys[i] == key; i++)
                        if (_ids[i] != except) shared[_ids[i]] = shared.GetValueOrDefault(_ids[i]) + 1;
                }
                if (_recent.TryGetValue(key, out var list))
                    foreach (var id in list)
                        if (id != except) shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        }
        return shared;
    }

    private void Merge()
    {
        var keys = new long[_keys.Length + _recentCount];
        var ids = new int[keys.Length];
        Array.Copy(_keys, keys, _keys.Length);
        Array.Copy(_ids, ids, _ids.Length);
        var n = _keys.Length;
        foreach (var (key, list) in _recent)
            foreach (var id in list)
            {
                keys[n] = key;
                ids[n++] = id;
            }
        Array.Sort(keys, ids);
        (_keys, _ids) = (keys, ids);
        _recent.Clear();
        _recentCount = 0;
    }
}
