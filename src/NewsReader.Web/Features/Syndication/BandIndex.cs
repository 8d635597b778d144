namespace NewsReader.Web.Features.Syndication;

/// <summary>
/// The LSH band index: which articles have each band key. It lives in memory and is derived from the
/// stored signatures (the truth), read in once per process on first use: 32 keys an article cost
/// 12 bytes each in sorted arrays, where a table cost a B-tree insert each (measured: ingest ran at
/// 0.37× the rate without clustering with the table). New keys go to a dictionary that is merged into
/// the arrays as it grows (sorted on their own, then merged in one pass). Ids of deleted articles may linger; callers drop candidates without a signature.
/// </summary>
public sealed class BandIndex
{
    private readonly MinHash hasher;
    private readonly int _mergeAt;
    private readonly Lock _lock = new();
    private long[] _keys = [];
    private int[] _ids = [];
    // Where each range of keys starts in the sorted arrays, by the keys' top bits (band keys are hashes,
    // spread evenly): a lookup reads two bounds and searches a handful of keys, where a binary search
    // over millions missed the cache at every step (`bench bands`: 873–904 ns a key before, 227–301 after).
    private int[] _starts = new int[3];
    private int _shift = 63;
    // Keys added since the last merge: each key's newest entry, and per entry its id and the entry
    // before it with the same key (no object per key: 32 lists an article were most of the garbage).
    private readonly Dictionary<long, int> _newest = [];
    private int[] _recentIds = new int[1024];
    private int[] _recentBefore = new int[1024];
    private long[] _recentKeys = new long[1024];
    private int _recentCount;

    public BandIndex(MinHash hasher) : this(hasher, 1 << 20) { }

    /// <param name="mergeAt">Recent keys held before they are merged into the sorted arrays.</param>
    public BandIndex(MinHash hasher, int mergeAt) => (this.hasher, _mergeAt) = (hasher, mergeAt);

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
            BuildStarts();
            Loaded = true;
        }
    }

    public void Add(int id, long[] keys)
    {
        var distinct = Distinct(keys, keys.Length <= 128 ? stackalloc long[keys.Length] : new long[keys.Length]);
        lock (_lock)
        {
            foreach (var key in distinct)
            {
                if (_recentCount == _recentIds.Length)
                {
                    Array.Resize(ref _recentIds, _recentCount * 2);
                    Array.Resize(ref _recentBefore, _recentCount * 2);
                    Array.Resize(ref _recentKeys, _recentCount * 2);
                }
                ref var newest = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_newest, key, out var existed);
                _recentIds[_recentCount] = id;
                _recentKeys[_recentCount] = key;
                _recentBefore[_recentCount] = existed ? newest : -1;
                newest = _recentCount++;
            }
            if (_recentCount >= _mergeAt) Merge();
        }
    }

    /// <summary>Articles sharing each key, with the number of keys shared.</summary>
    public Dictionary<int, int> Shared(long[] keys, int except)
    {
        var distinct = Distinct(keys, keys.Length <= 128 ? stackalloc long[keys.Length] : new long[keys.Length]);
        var shared = new Dictionary<int, int>();
        lock (_lock)
        {
            // Every key's bounds first: the loads do not depend on each other, so their cache misses overlap.
            Span<int> bounds = distinct.Length <= 128 ? stackalloc int[distinct.Length * 2] : new int[distinct.Length * 2];
            for (int k = 0; k < distinct.Length; k++)
            {
                var range = RangeOf(distinct[k]);
                (bounds[2 * k], bounds[2 * k + 1]) = (_starts[range], _starts[range + 1]);
            }
            for (int k = 0; k < distinct.Length; k++)
            {
                var key = distinct[k];
                int from = bounds[2 * k], to = bounds[2 * k + 1];
                // The first key not below this one (a range holds a handful): a plain loop, where
                // Array.BinarySearch called a comparer per step.
                while (from < to)
                {
                    var middle = (int)((uint)(from + to) >> 1);
                    if (_keys[middle] < key) from = middle + 1;
                    else to = middle;
                }
                for (int i = from; i < _keys.Length && _keys[i] == key; i++)
                    if (_ids[i] != except) shared[_ids[i]] = shared.GetValueOrDefault(_ids[i]) + 1;
                if (_newest.TryGetValue(key, out var entry))
                    for (; entry >= 0; entry = _recentBefore[entry])
                        if (_recentIds[entry] != except) shared[_recentIds[entry]] = shared.GetValueOrDefault(_recentIds[entry]) + 1;
            }
        }
        return shared;
    }

    /// <summary>The keys once each, sorted, in <paramref name="buffer"/>.</summary>
    private static Span<long> Distinct(long[] keys, Span<long> buffer)
    {
        keys.CopyTo(buffer);
        buffer.Sort();
        var n = 0;
        for (int i = 0; i < buffer.Length; i++)
            if (i == 0 || buffer[i] != buffer[n - 1]) buffer[n++] = buffer[i];
        return buffer[..n];
    }

    /// <summary>Sorts the recent keys and merges them with the sorted arrays in one pass.</summary>
    private void Merge()
    {
        var recentKeys = _recentKeys.AsSpan(0, _recentCount);
        var recentIds = _recentIds.AsSpan(0, _recentCount);
        recentKeys.Sort(recentIds);
        var keys = new long[_keys.Length + _recentCount];
        var ids = new int[keys.Length];
        int a = 0, b = 0, n = 0;
        while (a < _keys.Length && b < recentKeys.Length)
        {
            if (_keys[a] <= recentKeys[b]) (keys[n], ids[n++]) = (_keys[a], _ids[a++]);
            else (keys[n], ids[n++]) = (recentKeys[b], recentIds[b++]);
        }
        for (; a < _keys.Length; a++) (keys[n], ids[n++]) = (_keys[a], _ids[a]);
        for (; b < recentKeys.Length; b++) (keys[n], ids[n++]) = (recentKeys[b], recentIds[b]);
        (_keys, _ids) = (keys, ids);
        BuildStarts();
        _newest.Clear();
        _recentCount = 0;
    }

    /// <summary>The range of a key: its top bits, with the sign bit flipped so ranges follow the arrays' signed order.</summary>
    private int RangeOf(long key) => (int)(((ulong)key ^ 0x8000_0000_0000_0000UL) >> _shift);

    /// <summary>About four keys a range; <c>_starts[r]</c> is the first index whose key is in range r or later.</summary>
    private void BuildStarts()
    {
        var bits = Math.Clamp(System.Numerics.BitOperations.Log2((uint)Math.Max(1, _keys.Length / 4)), 1, 24);
        _shift = 64 - bits;
        var starts = new int[(1 << bits) + 1];
        int k = 0;
        for (int r = 0; r < starts.Length; r++)
        {
            while (k < _keys.Length && RangeOf(_keys[k]) < r) k++;
            starts[r] = k;
        }
        _starts = starts;
    }
}
